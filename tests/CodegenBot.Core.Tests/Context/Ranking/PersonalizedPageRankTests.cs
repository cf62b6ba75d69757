using CodegenBot.Core.Context.Ranking;

namespace CodegenBot.Core.Tests.Context.Ranking;

public sealed class PersonalizedPageRankTests
{
    [Fact]
    public void Compute_RanksSumToOne()
    {
        var ranks = PersonalizedPageRank.Compute(4, [(0, 1, 1), (1, 2, 1), (2, 0, 1), (3, 2, 2)], [1, 0, 0, 0]);

        Assert.Equal(1.0, ranks.Sum(), precision: 9);
    }

    [Fact]
    public void Compute_DefinitionUsedBySeed_OutranksUnrelatedFiles()
    {
        // 0 is the seed (named in the task); it uses 1; 2 and 3 reference each other but nothing of the seed.
        var ranks = PersonalizedPageRank.Compute(4, [(0, 1, 1), (2, 3, 1), (3, 2, 1)], [1, 0, 0, 0]);

        Assert.True(ranks[1] > ranks[2]);
        Assert.True(ranks[1] > ranks[3]);
        Assert.True(ranks[0] > ranks[1]);
    }

    [Fact]
    public void Compute_NoPersonalization_IsClassicPageRank()
    {
        // A star: everyone links to node 0.
        var ranks = PersonalizedPageRank.Compute(4, [(1, 0, 1), (2, 0, 1), (3, 0, 1)], [0, 0, 0, 0]);

        Assert.Equal(0, Array.IndexOf(ranks, ranks.Max()));
        Assert.Equal(ranks[1], ranks[2], precision: 12);
    }

    [Fact]
    public void Compute_HeavierEdge_CarriesMoreRank()
    {
        var ranks = PersonalizedPageRank.Compute(3, [(0, 1, 9), (0, 2, 1)], [1, 0, 0]);

        Assert.True(ranks[1] > 5 * ranks[2]);
    }

    [Fact]
    public void WeightedGraph_FromRows_SortsTargetsMergesParallelEdgesInInputOrderAndDropsSelfLoopsAndZeroWeights()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var nodes = random.Next(1, 30);
            var rows = Enumerable.Range(0, nodes).Select(_ => Enumerable.Range(0, random.Next(0, 40))
                .Select(_ => (To: random.Next(nodes), Weight: random.Next(4) == 0 ? 0 : random.NextDouble() * 3)).ToList()).ToList();

            // The oracle: each row's kept edges grouped by target (in input order), targets ascending, weights summed.
            var expected = rows.Select((row, from) => row.Where(e => e.To != from && e.Weight > 0).GroupBy(e => e.To).OrderBy(g => g.Key)
                .Select(g => (To: g.Key, Weight: g.Skip(1).Aggregate(g.First().Weight, (sum, e) => sum + e.Weight))).ToList()).ToList();
            var actual = WeightedGraph.FromRows(nodes, (node, row) => row.AddRange(rows[node]));
            var byEdges = WeightedGraph.FromEdges(nodes, rows.SelectMany((row, from) => row.Select(e => (from, e.To, e.Weight))));
            var starts = new List<int> { 0 };
            expected.ForEach(r => starts.Add(starts[^1] + r.Count));

            foreach (var graph in new[] { actual, byEdges })
            {
                Assert.Equal(starts, graph.Starts);
                Assert.Equal(expected.SelectMany(r => r.Select(e => e.To)), graph.Targets);
                Assert.Equal(expected.SelectMany(r => r.Select(e => e.Weight)), graph.Weights);
            }
        }
    }

    [Fact]
    public void WeightedGraph_FromEdges_MergesParallelEdgesDropsSelfLoopsAndSortsTargets()
    {
        var graph = WeightedGraph.FromEdges(3, [(0, 2, 1), (0, 1, 2), (0, 2, 0.5), (1, 1, 4), (2, 0, 0)]);

        Assert.Equal([0, 2, 2, 2], graph.Starts);
        Assert.Equal([1, 2], graph.Targets);
        Assert.Equal([2, 1.5], graph.Weights);
        Assert.Equal(1, graph.EdgeIndex(0, 2));
        Assert.Equal(-1, graph.EdgeIndex(2, 0));
    }

    [Fact]
    public void Compute_WithReplacementWeights_UsesThemInsteadOfTheGraphs()
    {
        var graph = WeightedGraph.FromEdges(3, [(0, 1, 1), (0, 2, 1)]);

        var even = PersonalizedPageRank.Compute(graph, [1, 0, 0]);
        var tilted = PersonalizedPageRank.Compute(graph, [1, 0, 0], [9, 1]);

        Assert.Equal(even[1], even[2], precision: 12);
        Assert.True(tilted[1] > 5 * tilted[2]);
    }

    [Fact]
    public void Compute_EmptyGraph_ReturnsEmpty() => Assert.Empty(PersonalizedPageRank.Compute(0, [], []));
}
