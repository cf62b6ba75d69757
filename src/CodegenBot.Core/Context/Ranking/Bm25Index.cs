namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Okapi BM25 over documents given as bags of terms (here: identifier sub-tokens of a file's path, its symbol
/// names and the identifiers it uses). Scores are not normalised; callers compare them within one query.
/// </summary>
internal sealed class Bm25Index
{
    /// <summary>Term-frequency saturation: how quickly repeated terms stop adding to a score (usual range 1.2-2.0).</summary>
    public const double K1 = 1.2;

    /// <summary>Length normalisation: 0 ignores document length, 1 fully normalises by it.</summary>
    public const double B = 0.75;

    private readonly List<Dictionary<string, int>> _documents;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<IEnumerable<string>> documents)
    {
        _documents = documents.Select(terms =>
        {
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            }

            return frequencies;
        }).ToList();

        _lengths = _documents.Select(d => d.Values.Sum()).ToArray();
        _averageLength = _lengths.Length == 0 ? 0 : Math.Max(1, _lengths.Average());
        foreach (var document in _documents)
        {
            foreach (var term in document.Keys)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }
    }

    public int Count => _documents.Count;

    /// <summary>The BM25 score of every document for the query terms (repeated query terms count once).</summary>
    public double[] Score(IEnumerable<string> query)
    {
        var scores = new double[_documents.Count];
        foreach (var term in query.Distinct(StringComparer.Ordinal))
        {
            if (!_documentFrequency.TryGetValue(term, out var df))
            {
                continue;
            }

            // The "+1" form of IDF stays positive for terms in more than half the documents.
            var idf = Math.Log(1 + ((_documents.Count - df + 0.5) / (df + 0.5)));
            for (var i = 0; i < _documents.Count; i++)
            {
                if (_documents[i].TryGetValue(term, out var tf))
                {
                    var norm = tf + (K1 * (1 - B + (B * _lengths[i] / _averageLength)));
                    scores[i] += idf * (tf * (K1 + 1)) / norm;
                }
            }
        }

        return scores;
    }
}
