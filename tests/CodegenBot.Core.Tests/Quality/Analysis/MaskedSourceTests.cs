using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Tests.Quality.Analysis;

public sealed class MaskedSourceTests
{
    [Fact]
    public void Create_CStyle_BlanksCommentsInCodeAndStringsInStructureKeepingOffsets()
    {
        const string Text = "int a = 1; // note\n/* block\n */ s = \"x{y\";\n";

        var masked = MaskedSource.Create(Text, "java");

        Assert.Equal(Text.Length, masked.Code.Length);
        Assert.Equal("int a = 1;        \n        \n    s = \"x{y\";\n", masked.Code);
        Assert.Equal("int a = 1;        \n        \n    s = \"   \";\n", masked.Structure);
        Assert.Equal(2, masked.Comments.Count);
        Assert.True(masked.InComment(Text.IndexOf("note", StringComparison.Ordinal)));
        Assert.True(masked.InString(Text.IndexOf('{', StringComparison.Ordinal)));
    }

    [Fact]
    public void Create_Python_TripleQuotedAndHashComments()
    {
        const string Text = "x = '''a # not comment\n'''  # comment\ny = r'\\d'\n";

        var masked = MaskedSource.Create(Text, "python");

        Assert.Equal("x = '''" + new string(' ', 15) + "\n'''" + new string(' ', 11) + "\ny = r'  '\n", masked.Structure);
        Assert.Single(masked.Comments);
    }

    [Fact]
    public void Create_NestedTemplateLiterals_ResumeTheOuterLiteral()
    {
        // Regression: the brace depth was not restored when a substitution closed, so a template nested inside a
        // substitution left the outer literal's closing backtick opening a new one.
        const string Text = "a = `x ${`y ${b}`} z`; { c }";

        var masked = MaskedSource.Create(Text, "javascript");

        Assert.EndsWith("; { c }", masked.Structure, StringComparison.Ordinal);
        Assert.Equal("a = `  ${`  ${b}`}  `; { c }", masked.Structure);
    }

    [Fact]
    public void Create_RegexLiteralAndDivision_AreTold()
    {
        var masked = MaskedSource.Create("x = a / b / c; r = /[/{]/g;", "javascript");

        Assert.Equal("x = a / b / c; r = /    /g;", masked.Structure);
    }

    [Fact]
    public void Create_UnterminatedString_EndsAtTheLine()
    {
        var masked = MaskedSource.Create("s = \"open\nnext();\n", "go");

        Assert.Equal("s = \"    \nnext();\n", masked.Structure);
    }

    [Fact]
    public void Create_Shell_ArgumentCountIsNotAComment()
    {
        var masked = MaskedSource.Create("echo $# ${#list[@]} # count\n", "shell");

        Assert.Equal("echo $# ${#list[@]}        \n", masked.Code);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 4)]
    [InlineData(4, 2, 1)]
    [InlineData(9, 3, 1)]
    [InlineData(11, 3, 3)]
    public void Position_Offset_IsOneBasedLineAndColumn(int offset, int line, int column) =>
        Assert.Equal((line, column), MaskedSource.Create("abc\ndefg\nhi", "text").Position(offset));

    [Fact]
    public void Position_OffsetBeforeStart_IsClampedToTheFirstCharacter() =>
        Assert.Equal((1, 1), MaskedSource.Create("abc", "text").Position(-5));
}
