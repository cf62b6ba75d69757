using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class DependencyInjectionAnalyzerTests
{
    [Fact]
    public void Analyze_RegistrationsAndConstructors_CountsLifetimesAndInjection()
    {
        const string Registrations = """
            public static class Setup
            {
                public static IServiceCollection AddShop(this IServiceCollection services)
                {
                    services.TryAddTransient<IParser, Parser>();
                    services.AddTransient(typeof(IRepo<>), typeof(Repo<>));
                    services.AddSingleton(TimeProvider.System);
                    var provider = services.BuildServiceProvider();
                    var parser = provider.GetRequiredService<IParser>();
                    return services;
                }
            }
            """;
        const string Classes = """
            internal sealed class Parser(ILogger<Parser> logger) : IParser { }
            internal sealed class Repo<T>(Options options) : IRepo<T> { }
            internal sealed class Handler
            {
                public Handler(IParser parser, TimeProvider time) { }
                public Handler() { }
            }
            internal sealed class Empty() { }
            """;

        var patterns = PatternFixtures.Describe(new DependencyInjectionAnalyzer(), ("Setup.cs", Registrations), ("Classes.cs", Classes));

        Assert.Equal(
        [
            "csharp DI registrations mostly AddTransient | AddSingleton 1, AddScoped 0, AddTransient 2 (2 of 2 csharp files sampled) | 0.667",
            "csharp constructor injection of interfaces | 2 of 3 constructors with parameters take interfaces, 1 of them primary constructors; 1 service-locator calls (2 of 2 csharp files sampled) | 0.667",
        ], patterns);
    }
}
