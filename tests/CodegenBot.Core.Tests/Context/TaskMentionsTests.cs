using CodegenBot.Core.Context;

namespace CodegenBot.Core.Tests.Context;

public sealed class TaskMentionsTests
{
    [Theory]
    [InlineData("HttpClientFactory", new[] { "http", "client", "factory" })]
    [InlineData("max_retry_count", new[] { "max", "retry", "count" })]
    [InlineData("parseJSONValue", new[] { "parse", "json", "value" })]
    [InlineData("IOStream2", new[] { "io", "stream", "2" })]
    public void SplitIdentifier_CamelAndSnakeCase_SplitsIntoLowerCaseWords(string identifier, string[] expected) =>
        Assert.Equal(expected, TaskMentions.SplitIdentifier(identifier));

    [Fact]
    public void MentionedFiles_FullAndPartialPaths_MatchRepositoryFiles()
    {
        RepositoryFile[] files = [new("src/Api/Controller.cs", 1), new("docs/guide.md", 1), new("README.md", 1)];

        var mentioned = TaskMentions.MentionedFiles("See Controller.cs and docs/guide.md, not README.txt.", files);

        Assert.Equal(["src/Api/Controller.cs", "docs/guide.md"], mentioned);
    }

    [Fact]
    public void RawWords_KeepWordsAsWrittenAndSplitDottedOnes()
    {
        var words = TaskMentions.RawWords("fix(query-builder): update helpers.send_file and InsertQueryBuilder.");

        Assert.Contains("query-builder", words);
        Assert.Contains("helpers", words);
        Assert.Contains("send_file", words);
        Assert.Contains("helpers.send_file", words);
        Assert.Contains("insertquerybuilder", words);
    }
}
