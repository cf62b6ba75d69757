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

    [Fact]
    public void Render_OneDeclarationOfSeveralNames_IsOneLine_WhileEachNameIsADefinition()
    {
        const string source = """
            public class Limits
            {
                public const int Low = 1, High = 9;
                public event Action Opened, Closed;
                public int Width, Height;
            }
            """;
        var symbols = CSharpSymbolExtractor.Extract("src/Limits.cs", source, TestContext.Current.CancellationToken);
        var python = new FileSymbols("tools/defaults.py", "python",
        [
            new SymbolDefinition("low", SymbolKind.Variable, "tools/defaults.py", 1, 1, "low = high = 0", null, null),
            new SymbolDefinition("high", SymbolKind.Variable, "tools/defaults.py", 1, 1, "low = high = 0", null, null),
            new SymbolDefinition("retries", SymbolKind.Variable, "tools/defaults.py", 2, 2, "retries = 3", null, null),
        ], []);

        var map = RepoMapRenderer.Render([symbols, python]);

        Assert.Equal(["Limits", "Low", "High", "Opened", "Closed", "Width", "Height"], symbols.Definitions.Select(d => d.Name));
        Assert.Equal(
            "src/Limits.cs:\n  public class Limits\n    public const int Low, High\n    public event Action Opened, Closed\n    public int Width, Height\n"
            + "tools/defaults.py:\n  low = high = 0\n  retries = 3\n",
            map);
    }

    [Fact]
    public void Render_CSharpMembersWithoutAccessModifier_AreLeftOutOfClassesButNotInterfacesEnumsOrExplicitImplementations()
    {
        const string source = """
            namespace Demo;

            class Helper
            {
                void Tidy() { }
                static int count;
                event Action Changed;
                Helper() { }
                class Inner { }
                public void Run() { }
                protected internal int Size { get; }
                void IDisposable.Dispose() { }
                int IShape.Sides => 4;
            }

            interface IShape { int Sides { get; } void Draw(); }

            enum Kind { One }

            struct Point { int x; public int X => x; }
            """;
        var file = CSharpSymbolExtractor.Extract("src/Helper.cs", source, TestContext.Current.CancellationToken);

        var map = RepoMapRenderer.Render([file]);

        Assert.Equal(
            """
            src/Helper.cs:
              class Helper
                public void Run()
                protected internal int Size { get; }
                void IDisposable.Dispose()
                int IShape.Sides
              interface IShape
                int Sides { get; }
                void Draw()
              enum Kind
                One
              struct Point
                public int X

            """.Replace("\r\n", "\n", StringComparison.Ordinal), map);
    }

    [Fact]
    public void Render_MembersWithoutAccessModifier_InOtherLanguages_AreKept()
    {
        var file = new FileSymbols("src/helper.py", "python",
        [
            new SymbolDefinition("Helper", SymbolKind.Class, "src/helper.py", 1, 5, "class Helper", null, null),
            new SymbolDefinition("tidy", SymbolKind.Method, "src/helper.py", 2, 3, "def tidy(self)", "Helper", null),
        ], []);

        Assert.Equal("src/helper.py:\n  class Helper\n    def tidy(self)\n", RepoMapRenderer.Render([file]));
    }
}
