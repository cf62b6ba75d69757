using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// A file's BM25 document: distinct lower-case identifier sub-tokens (<c>HttpClientFactory</c> → http, client,
/// factory) in ordinal order with their counts. Built once per blob at index time and cached, so ranking never
/// reads or tokenizes file contents. Paths and definition names are weighted in by repetition
/// (<see cref="RankingWeights.PathTermRepeat"/>, <see cref="RankingWeights.DefinitionTermRepeat"/>).
/// </summary>
/// <param name="Terms">Distinct terms, ordinal order.</param>
/// <param name="Counts">How often each term occurs, weights included.</param>
public sealed record TermBag(IReadOnlyList<string> Terms, IReadOnlyList<int> Counts)
{
    /// <summary>Terms shorter than this (a, of, id) are not indexed; the task's words use the same rule.</summary>
    public const int MinTermLength = 3;

    /// <summary>An empty document.</summary>
    public static TermBag Empty { get; } = new([], []);

    /// <summary>The document length: every occurrence of every term.</summary>
    public int Length { get; } = Counts.Sum();

    /// <summary>How often the term occurs (0 when it does not).</summary>
    public int CountOf(string term)
    {
        var low = 0;
        var high = Terms.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(Terms[middle], term);
            if (order == 0)
            {
                return Counts[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return 0;
    }

    /// <summary>The bag of a file: its text's identifiers, plus its path and its definitions' names weighted up.</summary>
    public static TermBag ForFile(string path, ReadOnlySpan<char> text, IReadOnlyList<SymbolDefinition> definitions) =>
        TermCounter.Count(path, text, definitions);

    /// <summary>The bag of a plain sequence of terms.</summary>
    public static TermBag FromTerms(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        return FromCounts(counts);
    }

    private static TermBag FromCounts(Dictionary<string, int> counts)
    {
        var terms = new string[counts.Count];
        var occurrences = new int[counts.Count];
        var i = 0;
        foreach (var (term, count) in counts)
        {
            (terms[i], occurrences[i]) = (term, count);
            i++;
        }

        Array.Sort(terms, occurrences, StringComparer.Ordinal);
        return new TermBag(terms, occurrences);
    }
}
