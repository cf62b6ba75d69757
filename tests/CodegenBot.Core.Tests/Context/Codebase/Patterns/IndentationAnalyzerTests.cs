using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class IndentationAnalyzerTests
{
    [Theory]
    [InlineData("a\n\tb\n\t\tc\n", "tabs", 2)]
    [InlineData("a\n    b\n        c\n    /**\n     * doc\n     */\n", "4 spaces", 3)]
    [InlineData("a\n  b\n    c\n      d\n", "2 spaces", 3)]
    [InlineData("a\n   b\n     c\n", "mixed spaces", 2)]
    [InlineData("a\n\n   \nb\n", "4 spaces", 0)]
    public void Classify_File_GivesItsStyleAndIndentedLines(string text, string style, int lines)
    {
        Assert.Equal((style, lines), IndentationAnalyzer.Classify(text));
    }

    [Fact]
    public void Analyze_TwoStylesInOneLanguage_ReportsTheLargerShare()
    {
        var fourSpaces = string.Concat(Enumerable.Repeat("def f():\n    return 1\n", 9));
        var tabs = "def g():\n\treturn 1\n\treturn 2\n";

        var patterns = PatternFixtures.Describe(new IndentationAnalyzer(), ("a.py", fourSpaces), ("b.py", tabs), ("c.go", "package c\n\tx\n"));

        Assert.Equal(["python indentation 4 spaces | 9 of 11 indented lines (2 of 2 python files sampled) | 0.818"], patterns);
    }
}
