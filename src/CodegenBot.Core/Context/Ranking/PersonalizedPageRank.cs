namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// PageRank with a personalization vector over a weighted directed graph of files (edge A→B: A uses a symbol
/// B defines). Rank flows from the files the task points at to the files they depend on, so a definition used by
/// the relevant code ranks high even when the task never names it.
/// </summary>
internal static class PersonalizedPageRank
{
    /// <summary>Probability of following an edge rather than jumping back to the personalization vector.</summary>
    public const double Damping = 0.85;

    /// <summary>Iteration stops when the total change of all ranks falls below this.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Iteration stops after this many rounds whatever the change.</summary>
    public const int MaxIterations = 100;

    /// <param name="nodeCount">Nodes are 0..nodeCount-1.</param>
    /// <param name="edges">Weighted edges; weights must be positive; several edges between a pair add up.</param>
    /// <param name="personalization">Non-negative jump weights per node; all zero means uniform.</param>
    /// <returns>Ranks summing to 1.</returns>
    public static double[] Compute(int nodeCount, IEnumerable<(int From, int To, double Weight)> edges, IReadOnlyList<double> personalization) =>
        Compute(WeightedGraph.FromEdges(nodeCount, edges), personalization);

    /// <param name="graph">The graph, laid out once (it can serve many personalizations).</param>
    /// <param name="personalization">Non-negative jump weights per node; all zero means uniform.</param>
    /// <param name="weights">Edge weights to use instead of the graph's own (same layout), for a task that reweighs some edges.</param>
    /// <returns>Ranks summing to 1.</returns>
    public static double[] Compute(WeightedGraph graph, IReadOnlyList<double> personalization, double[]? weights = null)
    {
        var nodeCount = graph.NodeCount;
        if (nodeCount == 0)
        {
            return [];
        }

        var jump = Normalise(personalization, nodeCount);
        var (starts, targets) = (graph.Starts, graph.Targets);
        weights ??= graph.Weights;
        var shares = new double[weights.Length];
        for (var node = 0; node < nodeCount; node++)
        {
            var total = 0.0;
            for (var edge = starts[node]; edge < starts[node + 1]; edge++)
            {
                total += weights[edge];
            }

            for (var edge = starts[node]; edge < starts[node + 1]; edge++)
            {
                shares[edge] = weights[edge] / total;
            }
        }

        var rank = (double[])jump.Clone();
        var next = new double[nodeCount];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(next);

            // Rank of nodes without outgoing edges ("dangling") returns through the personalization vector.
            var dangling = 0.0;
            for (var node = 0; node < nodeCount; node++)
            {
                if (starts[node] == starts[node + 1])
                {
                    dangling += rank[node];
                    continue;
                }

                var flow = Damping * rank[node];
                for (var edge = starts[node]; edge < starts[node + 1]; edge++)
                {
                    next[targets[edge]] += flow * shares[edge];
                }
            }

            var change = 0.0;
            for (var node = 0; node < nodeCount; node++)
            {
                next[node] += ((1 - Damping) + (Damping * dangling)) * jump[node];
                change += Math.Abs(next[node] - rank[node]);
            }

            (rank, next) = (next, rank);
            if (change < Tolerance)
            {
                break;
            }
        }

        return rank;
    }

    private static double[] Normalise(IReadOnlyList<double> weights, int count)
    {
        var sum = weights.Where(w => w > 0).Sum();
        return sum <= 0
            ? Enumerable.Repeat(1.0 / count, count).ToArray()
            : Enumerable.Range(0, count).Select(i => i < weights.Count && weights[i] > 0 ? weights[i] / sum : 0).ToArray();
    }
}

/// <summary>
/// A weighted directed graph laid out as compressed rows: node <c>n</c>'s edges are
/// <c>Starts[n]..Starts[n+1]</c> of <see cref="Targets"/> and <see cref="Weights"/>, by ascending target, parallel edges
/// merged, no self-loops. Flat arrays keep the iterations cache-friendly.
/// </summary>
internal sealed record WeightedGraph(int NodeCount, int[] Starts, int[] Targets, double[] Weights)
{
    /// <summary>Lays out edges (positive weights; several between a pair add up, in the order given; self-loops dropped).</summary>
    public static WeightedGraph FromEdges(int nodeCount, IEnumerable<(int From, int To, double Weight)> edges)
    {
        var rows = new List<(int To, double Weight)>?[nodeCount];
        foreach (var (from, to, weight) in edges)
        {
            (rows[from] ??= []).Add((to, weight));
        }

        return FromRows(nodeCount, (node, row) =>
        {
            if (rows[node] is { } edgesOfNode)
            {
                row.AddRange(edgesOfNode);
            }
        });
    }

    /// <summary>
    /// Lays out a graph row by row: <paramref name="addRow"/> appends the edges of one node (in its input order) to an
    /// empty list. Each row's edges are sorted by one primitive key (target, then position in the row), so parallel
    /// edges merge with their weights added in input order; a large repository has millions of edges, and no more
    /// than one row of them is held at a time.
    /// </summary>
    public static WeightedGraph FromRows(int nodeCount, Action<int, List<(int To, double Weight)>> addRow)
    {
        var row = new List<(int To, double Weight)>();
        var keys = new List<long>();
        var starts = new int[nodeCount + 1];
        var targets = new List<int>();
        var weights = new List<double>();
        for (var node = 0; node < nodeCount; node++)
        {
            row.Clear();
            addRow(node, row);
            keys.Clear();
            for (var position = 0; position < row.Count; position++)
            {
                if (row[position] is var (to, weight) && to != node && weight > 0)
                {
                    keys.Add(((long)to << 32) | (uint)position);
                }
            }

            starts[node] = targets.Count;
            var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys);
            sorted.Sort();
            foreach (var key in sorted)
            {
                var (target, weight) = ((int)(key >> 32), row[(int)(uint)key].Weight);
                if (targets.Count > starts[node] && targets[^1] == target)
                {
                    weights[^1] += weight;
                }
                else
                {
                    targets.Add(target);
                    weights.Add(weight);
                }
            }
        }

        starts[nodeCount] = targets.Count;
        return new WeightedGraph(nodeCount, starts, [.. targets], [.. weights]);
    }

    /// <summary>The position of the edge from → to in <see cref="Targets"/>, or -1.</summary>
    public int EdgeIndex(int from, int to)
    {
        var index = Array.BinarySearch(Targets, Starts[from], Starts[from + 1] - Starts[from], to);
        return index >= 0 ? index : -1;
    }
}
