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

    /// <summary>
    /// Query words whose postings an index keeps: enough for the words of the last dozen tasks or so, and at most
    /// 256 × 8 bytes per document (20 MB on 10,000 files) if every word were in every document.
    /// </summary>
    private const int MaxRememberedTerms = 256;

    private readonly IReadOnlyList<TermBag> _documents;
    private readonly double _averageLength;
    private readonly BoundedMemo<string, Posting[]> _postings = new(MaxRememberedTerms, StringComparer.Ordinal);
    private readonly Func<string, Posting[]> _findPostings;

    public Bm25Index(IReadOnlyList<TermBag> documents)
    {
        _documents = documents;
        _averageLength = documents.Count == 0 ? 0 : Math.Max(1, documents.Average(d => (double)d.Length));
        _findPostings = FindPostings;
    }

    /// <summary>An index over plain term sequences.</summary>
    public Bm25Index(IEnumerable<IEnumerable<string>> documents)
        : this(documents.Select(TermBag.FromTerms).ToList())
    {
    }

    public int Count => _documents.Count;

    /// <summary>One document that holds a term, and how often.</summary>
    public readonly record struct Posting(int Document, int Count);

    /// <summary>
    /// The documents that hold the term, in document order. Found by one pass over every document, then remembered:
    /// the next task that uses the term (common words recur) costs nothing.
    /// </summary>
    public IReadOnlyList<Posting> PostingsOf(string term) => _postings.Get(term, _findPostings);

    private Posting[] FindPostings(string term)
    {
        var postings = new List<Posting>();
        for (var i = 0; i < _documents.Count; i++)
        {
            if (_documents[i].CountOf(term) is var count and > 0)
            {
                postings.Add(new Posting(i, count));
            }
        }

        return [.. postings];
    }

    /// <summary>The BM25 score of every document for the query terms (repeated query terms count once).</summary>
    public double[] Score(IEnumerable<string> query)
    {
        var scores = new double[_documents.Count];
        foreach (var term in query.Distinct(StringComparer.Ordinal))
        {
            var postings = PostingsOf(term);
            if (postings.Count == 0)
            {
                continue;
            }

            // The "+1" form of IDF stays positive for terms in more than half the documents.
            var df = postings.Count;
            var idf = Math.Log(1 + ((_documents.Count - df + 0.5) / (df + 0.5)));
            foreach (var (i, tf) in postings)
            {
                var norm = tf + (K1 * (1 - B + (B * _documents[i].Length / _averageLength)));
                scores[i] += idf * (tf * (K1 + 1)) / norm;
            }
        }

        return scores;
    }
}
