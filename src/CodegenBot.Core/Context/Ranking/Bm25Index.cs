namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Okapi BM25 over documents given as <see cref="TermBag"/>s (identifier sub-tokens of a file's text, path and
/// symbol names). Document frequencies are computed for the query's terms only, so building an index over
/// thousands of cached bags costs nothing. Scores are not normalised; callers compare them within one query.
/// </summary>
internal sealed class Bm25Index
{
    /// <summary>Term-frequency saturation: how quickly repeated terms stop adding to a score (usual range 1.2-2.0).</summary>
    public const double K1 = 1.2;

    /// <summary>Length normalisation: 0 ignores document length, 1 fully normalises by it.</summary>
    public const double B = 0.75;

    private readonly IReadOnlyList<TermBag> _documents;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<TermBag> documents)
    {
        _documents = documents;
        _averageLength = documents.Count == 0 ? 0 : Math.Max(1, documents.Average(d => (double)d.Length));
    }

    /// <summary>An index over plain term sequences.</summary>
    public Bm25Index(IEnumerable<IEnumerable<string>> documents)
        : this(documents.Select(TermBag.FromTerms).ToList())
    {
    }

    public int Count => _documents.Count;

    /// <summary>The BM25 score of every document for the query terms (repeated query terms count once).</summary>
    public double[] Score(IEnumerable<string> query)
    {
        var scores = new double[_documents.Count];
        var frequencies = new int[_documents.Count];
        foreach (var term in query.Distinct(StringComparer.Ordinal))
        {
            var df = 0;
            for (var i = 0; i < _documents.Count; i++)
            {
                frequencies[i] = _documents[i].CountOf(term);
                df += frequencies[i] > 0 ? 1 : 0;
            }

            if (df == 0)
            {
                continue;
            }

            // The "+1" form of IDF stays positive for terms in more than half the documents.
            var idf = Math.Log(1 + ((_documents.Count - df + 0.5) / (df + 0.5)));
            for (var i = 0; i < _documents.Count; i++)
            {
                if (frequencies[i] is var tf && tf > 0)
                {
                    var norm = tf + (K1 * (1 - B + (B * _documents[i].Length / _averageLength)));
                    scores[i] += idf * (tf * (K1 + 1)) / norm;
                }
            }
        }

        return scores;
    }
}
