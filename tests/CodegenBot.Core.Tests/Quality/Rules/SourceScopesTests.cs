using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class SourceScopesTests
{
    [Theory]
    [InlineData("csharp", "for (var i = 0; i < n; i++)\n{\n  X();\n}\nY();\n")]
    [InlineData("csharp", "while (ok)\n  X();\nY();\n")]
    [InlineData("java", "for (String s : list) { X(); }\nY();\n")]
    [InlineData("go", "for _, v := range xs {\n\tX()\n}\nY()\n")]
    [InlineData("javascript", "for await (const c of req) {\n  X();\n}\nY();\n")]
    [InlineData("python", "for x in xs:\n    X()\n\n    X()\nY()\n")]
    public void InLoop_LoopBodies_HoldTheBodyButNotWhatFollows(string language, string code)
    {
        var scopes = SourceScopes.Of(MaskedSource.Create(code, language), language);

        Assert.True(scopes.InLoop(code.IndexOf('X', StringComparison.Ordinal)));
        Assert.True(scopes.InLoop(code.LastIndexOf('X')));
        Assert.False(scopes.InLoop(code.IndexOf('Y', StringComparison.Ordinal)));
    }

    [Fact]
    public void InLoop_KeywordsInStringsAndComments_AreNotLoops()
    {
        const string code = "var s = \"for (;;) {\"; // while (x) {\nX();\n";

        Assert.Empty(SourceScopes.Of(MaskedSource.Create(code, "csharp"), "csharp").Loops);
    }

    [Fact]
    public void Statement_CStyle_SpansLinesUpToTheSemicolon()
    {
        const string code = "a();\nvar sql = \"x\" +\n    id;\nb();\n";
        var scopes = SourceScopes.Of(MaskedSource.Create(code, "csharp"), "csharp");

        var (start, end) = scopes.Statement(code.IndexOf("id", StringComparison.Ordinal));

        Assert.Equal("\nvar sql = \"x\" +\n    id", code[start..end]);
    }

    [Fact]
    public void Statement_Python_EndsAtTheLineBreakOutsideBrackets()
    {
        const string code = "a = 1\nb = f(x,\n      y)\nc = 2\n";
        var scopes = SourceScopes.Of(MaskedSource.Create(code, "python"), "python");

        var (start, end) = scopes.Statement(code.IndexOf('y', StringComparison.Ordinal));

        Assert.Equal("b = f(x,\n      y)", code[start..end]);
    }

    [Theory]
    [InlineData("csharp", "class A\n{\n    public string NewToken()\n    {\n        if (x)\n        {\n            Y();\n        }\n    }\n}\n", "public string NewToken()")]
    [InlineData("go", "func newToken() string {\n\tb := 1\n\tfor i := range b {\n\t\tY()\n\t}\n}\n", "func newToken() string")]
    [InlineData("python", "class A:\n    def new_token(self):\n        for x in y:\n            Y()\n", "def new_token(self):")]
    public void FunctionHeader_NestedInControlBlocks_IsTheFunctionsHeader(string language, string code, string header)
    {
        var scopes = SourceScopes.Of(MaskedSource.Create(code, language), language);

        var found = scopes.FunctionHeader(code.IndexOf('Y', StringComparison.Ordinal));

        Assert.NotNull(found);
        Assert.Equal(header, code[found.Value.Start..found.Value.End].Trim());
    }
}
