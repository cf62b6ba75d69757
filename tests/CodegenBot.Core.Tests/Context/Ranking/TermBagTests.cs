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

    [Fact]
    public void ForFile_RandomText_CountsAsSplittingEveryIdentifierDoes()
    {
        var random = new Random(20261202);
        var texts = Enumerable.Range(0, 200).Select(_ => RandomText(random)).ToList();

        // Twice over, so counters that met the identifiers before (and files counted in between) change nothing.
        foreach (var text in texts.Concat(texts))
        {
            var bag = TermBag.ForFile("src/Some_file.cs", text, []);

            var expected = Expected("src/Some_file.cs", text);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), bag.Terms);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal).Select(k => expected[k]), bag.Counts);
        }
    }

    [Fact]
    public void ForFile_OnManyThreads_EqualsOneThread()
    {
        var random = new Random(7);
        var texts = Enumerable.Range(0, 400).Select(_ => RandomText(random)).ToList();
        var alone = texts.Select(t => TermBag.ForFile("a", t, [])).ToList();

        var together = new TermBag[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => together[i] = TermBag.ForFile("a", texts[i], []));

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(alone[i].Terms, together[i].Terms);
            Assert.Equal(alone[i].Counts, together[i].Counts);
        }
    }

    [Fact]
    public void ForFile_AfterMoreIdentifiersThanACounterKeeps_StillCountsExactly()
    {
        // More distinct identifiers than a counter remembers (250,000), so it starts over between files.
        var many = string.Join(' ', Enumerable.Range(0, 260_000).Select(i => $"Name{i}Value"));
        var first = TermBag.ForFile("a", many, []);
        var second = TermBag.ForFile("a", "RetryPolicy retry_policy", []);

        Assert.Equal(260_000, first.CountOf("name"));
        Assert.Equal(260_000, first.CountOf("value"));
        Assert.Equal(["policy", "retry"], second.Terms);
        Assert.Equal([2, 2], second.Counts);

        // The counter that took the big file started over before the next one (the same thread takes it back).
        Assert.True(TermCounter.MostRemembered <= 250_000, $"{TermCounter.MostRemembered} identifiers kept");
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ_09 .(){}é\n\"'/";
        var length = random.Next(0, 400);
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(text);
    }

    /// <summary>The oracle: split every identifier occurrence on its own and add up its long-enough terms.</summary>
    private static Dictionary<string, int> Expected(string path, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, weight) in new[] { (text, 1), (path, RankingWeights.PathTermRepeat) })
        {
            foreach (System.Text.RegularExpressions.Match identifier in System.Text.RegularExpressions.Regex.Matches(source, "[A-Za-z_][A-Za-z0-9_]*"))
            {
                if (identifier.Length > 80)
                {
                    continue;
                }

                foreach (var term in CodegenBot.Core.Context.TaskMentions.Split(identifier.Value).Where(t => t.Length >= TermBag.MinTermLength))
                {
                    counts[term] = counts.GetValueOrDefault(term) + weight;
                }
            }
        }

        return counts;
    }
}
