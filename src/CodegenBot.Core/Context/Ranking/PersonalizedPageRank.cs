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
    public static double[] Compute(int nodeCount, IEnumerable<(int From, int To, double Weight)> edges, IReadOnlyList<double> personalization)
    {
        if (nodeCount == 0)
        {
            return [];
        }

        var jump = Normalise(personalization, nodeCount);

        // Merge parallel edges, then lay the graph out as flat arrays (compressed rows): iterations stay cache-friendly.
        var merged = new Dictionary<(int, int), double>();
        foreach (var (from, to, weight) in edges)
        {
            if (from != to && weight > 0)
            {
                merged[(from, to)] = merged.GetValueOrDefault((from, to)) + weight;
            }
        }

        var starts = new int[nodeCount + 1];
        foreach (var ((from, _), _) in merged)
        {
            starts[from + 1]++;
        }

        for (var node = 0; node < nodeCount; node++)
        {
            starts[node + 1] += starts[node];
        }

        var targets = new int[merged.Count];
        var shares = new double[merged.Count];
        var fill = (int[])starts.Clone();
        var totals = new double[nodeCount];
        foreach (var ((from, _), weight) in merged)
        {
            totals[from] += weight;
        }

        foreach (var ((from, to), weight) in merged.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2))
        {
            targets[fill[from]] = to;
            shares[fill[from]++] = weight / totals[from];
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
