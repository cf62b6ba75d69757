using System.Text.RegularExpressions;
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
    [InlineData("ÉtatHTTPé", new[] { "tat", "http" })]
    public void Split_EdgeCases_MatchThePattern(string identifier, string[] expected)
    {
        Assert.Equal(expected, ByPattern(identifier));
        Assert.Equal(expected, TaskMentions.Split(identifier));
    }

    /// <summary>The hand-written split is the pattern's, on every shape of identifier and on other text, ASCII or not.</summary>
    [Fact]
    public void Split_RandomText_EqualsThePatternsSplit()
    {
        const string Alphabet = "AaBbZz019_ -.ÉéİıK\u0300\u200D€";
        var random = new Random(20261201);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            Assert.True(ByPattern(text).SequenceEqual(TaskMentions.Split(text)), $"'{text}'");
        }
    }

    /// <summary>The regular expression the hand-written split replaced: the oracle it is held to.</summary>
    private static string[] ByPattern(string text) =>
        Regex.Matches(text, @"[A-Z]{2,}(?=[A-Z][a-z]|\b|[0-9_])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+").Select(m => m.Value.ToLowerInvariant()).ToArray();

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
