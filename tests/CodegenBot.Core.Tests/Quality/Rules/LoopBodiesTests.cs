using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class LoopBodiesTests
{
    [Fact]
    public void Braces_NestedLoops_ReturnsEachBody()
    {
        const string code = "for (;;) { while (x) { A(); } B(); }\nC();\n";

        var loops = LoopBodies.Braces(MaskedSource.Create(code, "java").Structure, go: false);

        Assert.Equal(["{ while (x) { A(); } B(); }", "{ A(); }"], loops.Select(l => code[l.Start..l.End]));
    }

    [Fact]
    public void Braces_ForAsAPropertyOrIdentifier_IsNotALoop()
    {
        const string code = "var x = options.for; formatter.do(); var forward = 1;\n";

        Assert.Empty(LoopBodies.Braces(MaskedSource.Create(code, "javascript").Structure, go: false));
    }

    [Fact]
    public void Python_BodyEndsAtTheFirstLineIndentedNoDeeperThanTheHeader()
    {
        const string code = "def f():\n    for x in xs:\n        a()\n\n        b()\n    c()\n";

        var loop = Assert.Single(LoopBodies.Python(MaskedSource.Create(code, "python").Structure));

        Assert.Equal("        a()\n\n        b()", code[loop.Start..loop.End]);
    }
}
