using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Ranking;

public sealed class TermBagTests
{
    [Fact]
    public void ForFile_SplitsIdentifiersOfTextCommentsAndStrings()
    {
        var bag = TermBag.ForFile("x", "// Retries the HttpClientFactory\nvar max_retry_count = \"timeout exceeded\";", []);

        Assert.Equal(1, bag.CountOf("retries"));
        Assert.Equal(1, bag.CountOf("http"));
        Assert.Equal(1, bag.CountOf("factory"));
        Assert.Equal(1, bag.CountOf("retry"));
        Assert.Equal(1, bag.CountOf("timeout"));
        Assert.Equal(0, bag.CountOf("var"[..2]));
        Assert.Equal(0, bag.CountOf("max"[..2]));
    }

    [Fact]
    public void ForFile_WeightsPathAndDefinitionNames()
    {
        var definition = new SymbolDefinition("RetryPolicy", SymbolKind.Class, "src/Retry.cs", 1, 1, "class RetryPolicy", null, null);
        var bag = TermBag.ForFile("src/Retry.cs", "class RetryPolicy {}", [definition]);

        Assert.Equal(1 + RankingWeights.PathTermRepeat + (RankingWeights.DefinitionTermRepeat - 1), bag.CountOf("retry"));
        Assert.Equal(RankingWeights.DefinitionTermRepeat, bag.CountOf("policy"));
        Assert.Equal(RankingWeights.PathTermRepeat, bag.CountOf("src"));
        Assert.Equal(bag.Counts.Sum(), bag.Length);
    }

    [Fact]
    public void ForFile_TermsAreSortedAndDistinct()
    {
        var bag = TermBag.ForFile("a", "zeta alpha zeta beta alpha zeta", []);

        Assert.Equal(["alpha", "beta", "zeta"], bag.Terms);
        Assert.Equal([2, 1, 3], bag.Counts);
        Assert.Equal(0, bag.CountOf("gamma"));
    }

    [Fact]
    public void ForFile_SkipsOverlongIdentifiers()
    {
        var bag = TermBag.ForFile("a", new string('q', 500) + " real", []);

        Assert.Equal(["real"], bag.Terms);
    }
}
