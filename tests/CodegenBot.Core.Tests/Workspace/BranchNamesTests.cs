using CodegenBot.Core.Workspace;

namespace CodegenBot.Core.Tests.Workspace;

public sealed class BranchNamesTests
{
    [Theory]
    [InlineData("Add retry to the HTTP client", "add-retry-to-the-http-client")]
    [InlineData("  Fix: NullReferenceException in Parser.Parse()!! ", "fix-nullreferenceexception-in-parser-parse")]
    [InlineData("Über café", "uber-cafe")]
    [InlineData("???", "change")]
    [InlineData("a very long title that keeps going and going well past any reasonable branch name length", "a-very-long-title-that-keeps-going-and-going")]
    public void Slug_Title_IsALowerCaseHyphenatedBranchSafeName(string title, string expected) =>
        Assert.Equal(expected, BranchNames.Slug(title));
}
