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

    [Theory]
    [InlineData("IOs", new[] { "io", "s" })]
    [InlineData("ABCdef", new[] { "ab", "cdef" })]
    [InlineData("HTTP_2x", new[] { "http", "2", "x" })]
    [InlineData("__a__B", new[] { "a", "b" })]
    [InlineData("x9Y", new[] { "x", "9", "y" })]
    public void SplitAscii_EdgeCases_MatchThePattern(string identifier, string[] expected)
    {
        Assert.Equal(expected, TaskMentions.SplitByPattern(identifier));
        Assert.Equal(expected, TaskMentions.SplitAscii(identifier));
    }

    /// <summary>The hand-written split is the pattern's, on every shape of ASCII identifier (and other ASCII text).</summary>
    [Fact]
    public void SplitAscii_RandomAsciiText_EqualsThePatternsSplit()
    {
        const string Alphabet = "AaBbZz019_ -.";
        var random = new Random(20261201);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            Assert.True(TaskMentions.SplitByPattern(text).SequenceEqual(TaskMentions.SplitAscii(text)), $"'{text}'");
        }
    }

    [Fact]
    public void SplitIdentifier_NonAsciiText_UsesThePattern() =>
        Assert.Equal(TaskMentions.SplitByPattern("ÉtatHTTPé"), TaskMentions.SplitIdentifier("ÉtatHTTPé"));

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
