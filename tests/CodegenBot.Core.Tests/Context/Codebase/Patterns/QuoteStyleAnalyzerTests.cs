using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class QuoteStyleAnalyzerTests
{
    [Theory]
    [InlineData("a = 'x'; b = \"y\"", 1, 1)]
    [InlineData("a = 'it\\'s'; b = 'z'", 2, 0)]
    [InlineData("\"\"\"doc 'quoted'\"\"\"\nx = \"a\"", 0, 1)]
    [InlineData("const s = `a ${'b'} c`; const t = \"d\";", 0, 1)]
    public void Count_Code_CountsSingleAndDoubleQuotedLiterals(string code, int singleQuoted, int doubleQuoted)
    {
        Assert.Equal((singleQuoted, doubleQuoted), QuoteStyleAnalyzer.Count(code));
    }

    [Fact]
    public void Analyze_MostlyDoubleQuotes_ReportsDouble()
    {
        var code = string.Concat(Enumerable.Repeat("x = \"a\"\n", 9)) + "y = 'b'  # it's a comment\n";

        var patterns = PatternFixtures.Describe(new QuoteStyleAnalyzer(), ("m.py", code));

        Assert.Equal(["python strings double quotes | 9 of 10 string literals (1 of 1 python files sampled) | 0.9"], patterns);
    }
}
