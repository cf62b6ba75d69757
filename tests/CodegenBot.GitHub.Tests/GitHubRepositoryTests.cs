namespace CodegenBot.GitHub.Tests;

public sealed class GitHubRepositoryTests
{
    [Theory]
    [InlineData("octo/hello", "octo", "hello")]
    [InlineData("my-org/repo.name", "my-org", "repo.name")]
    public void Parse_OwnerSlashName_SplitsIt(string text, string owner, string name) =>
        Assert.Equal(new GitHubRepository(owner, name), GitHubRepository.Parse(text));

    [Theory]
    [InlineData("hello")]
    [InlineData("/hello")]
    [InlineData("octo/")]
    [InlineData("a/b/c")]
    public void Parse_NotOwnerSlashName_Throws(string text) => Assert.Throws<FormatException>(() => GitHubRepository.Parse(text));
}
