using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.RepoMap;

public sealed class RepoMapRendererTests
{
    [Fact]
    public void Render_TypesAndMembers_AreIndentedSignaturesWithoutPrivates()
    {
        var file = new FileSymbols("src/Retry.cs", "csharp",
        [
            new SymbolDefinition("Demo", SymbolKind.Namespace, "src/Retry.cs", 1, 20, "namespace Demo", null, null),
            new SymbolDefinition("RetryPolicy", SymbolKind.Class, "src/Retry.cs", 3, 20, "public sealed class RetryPolicy : IRetryPolicy", "Demo", "Retries."),
            new SymbolDefinition("NextDelay", SymbolKind.Method, "src/Retry.cs", 5, 8, "public TimeSpan NextDelay(int attempt)", "RetryPolicy", null),
            new SymbolDefinition("_random", SymbolKind.Field, "src/Retry.cs", 4, 4, "private readonly Random _random", "RetryPolicy", null),
        ], []);

        var map = RepoMapRenderer.Render([file, new FileSymbols("README.md", "markdown", [], [])]);

        Assert.Equal("src/Retry.cs:\n  public sealed class RetryPolicy : IRetryPolicy\n    public TimeSpan NextDelay(int attempt)\nREADME.md:\n", map);
    }
}
