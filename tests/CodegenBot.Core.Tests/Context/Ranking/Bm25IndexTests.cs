using CodegenBot.Core.Context.Ranking;

namespace CodegenBot.Core.Tests.Context.Ranking;

public sealed class Bm25IndexTests
{
    [Fact]
    public void Score_RareTermBeatsCommonTerm()
    {
        var index = new Bm25Index([["retry", "policy", "http"], ["http", "client"], ["http", "server"]]);

        var scores = index.Score(["retry", "http"]);

        Assert.True(scores[0] > scores[1]);
        Assert.Equal(scores[1], scores[2], precision: 12);
    }

    [Fact]
    public void Score_LongerDocumentWithSameCount_ScoresLower()
    {
        var index = new Bm25Index([["cache"], ["cache", "a", "b", "c", "d", "e", "f", "g"]]);

        var scores = index.Score(["cache"]);

        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public void Score_KnownValue_MatchesTheFormula()
    {
        var index = new Bm25Index([["a", "a", "b"], ["b"]]);

        var scores = index.Score(["a"]);

        // idf = ln(1 + (2 - 1 + 0.5) / (1 + 0.5)) = ln 2; average length (3 + 1) / 2 = 2; tf 2, length 3:
        // ln2 * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3 / 2))
        var expected = Math.Log(2) * 2 * 2.2 / (2 + (1.2 * (0.25 + 1.125)));
        Assert.Equal(expected, scores[0], precision: 12);
        Assert.Equal(0, scores[1]);
    }

    [Fact]
    public void Score_UnknownTermsAndEmptyIndex_GiveZeros()
    {
        Assert.Empty(new Bm25Index(Array.Empty<TermBag>()).Score(["x"]));
        Assert.Equal([0.0], new Bm25Index([["a"]]).Score(["zzz"]));
    }

    [Fact]
    public void PostingsOf_GivesTheDocumentsThatHoldTheTermWithCounts_AndScoresAgreeWhenAskedAgain()
    {
        var index = new Bm25Index([["http", "http", "client"], ["server"], ["http"]]);

        Assert.Equal([new Bm25Index.Posting(0, 2), new Bm25Index.Posting(2, 1)], index.PostingsOf("http"));
        Assert.Empty(index.PostingsOf("retry"));
        Assert.Equal(index.Score(["http", "server"]), index.Score(["http", "server"]));
    }
}
