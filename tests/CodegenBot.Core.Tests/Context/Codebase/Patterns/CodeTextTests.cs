using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class CodeTextTests
{
    [Fact]
    public void WithoutComments_CStyle_BlanksCommentsAndKeepsStringsAndLines()
    {
        const string Code = "var url = \"http://x\"; // note\n/* class Hidden\n */ class Shown { }\nvar v = @\"a \"\" // b\";\n";

        var result = CodeText.WithoutComments(Code, "csharp");

        Assert.Equal(Code.Length, result.Length);
        Assert.Equal(Code.Count(c => c == '\n'), result.Count(c => c == '\n'));
        Assert.Contains("\"http://x\";", result, StringComparison.Ordinal);
        Assert.DoesNotContain("note", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", result, StringComparison.Ordinal);
        Assert.Contains("class Shown", result, StringComparison.Ordinal);
        Assert.Contains("@\"a \"\" // b\"", result, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutComments_Python_BlanksHashCommentsOutsideStrings()
    {
        var result = CodeText.WithoutComments("x = '#not' # class Hidden\n\"\"\"doc # kept\"\"\"\n", "python");

        Assert.Equal("x = '#not'               \n\"\"\"doc # kept\"\"\"\n", result);
    }
}
