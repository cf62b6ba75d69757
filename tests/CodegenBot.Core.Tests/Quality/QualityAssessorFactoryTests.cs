using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Quality;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Core.Tests.Quality;

public sealed class QualityAssessorFactoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-assessor-factory-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Create_FromAddCodegenBotCore_AssessesWithTheLoadedThresholds()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IContextCacheStore>(new FileContextCacheStore(Path.Combine(_root, "cache"), NullLogger<FileContextCacheStore>.Instance));
        services.AddLogging();
        services.AddCodegenBotCore();
        await using var provider = services.BuildServiceProvider();
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");
        var lenient = new CodegenOptions { Quality = new QualityOptions { Thresholds = new QualityOptions().Thresholds with { Correctness = 70 } } };

        var assessment = await provider.GetRequiredService<QualityAssessorFactory>().Create(lenient)
            .AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(70, assessment.Scores.Single(s => s.Dimension == QualityDimension.Correctness).Threshold);
        Assert.Contains(assessment.Findings, f => f.RuleId == "CS1002");
        Assert.True(Directory.EnumerateFiles(Path.Combine(_root, "cache"), "*", SearchOption.AllDirectories).Any());
    }
}
