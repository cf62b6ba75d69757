using System.Collections.Concurrent;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Counts the terms of one file at a time for <see cref="TermBag.ForFile"/>. A cold index runs this over every
/// character of the repository, so the work per identifier is kept to one lookup: each counter remembers, for every
/// identifier it has met, the numbers of the terms the identifier splits into, and counts terms in an array indexed
/// by those numbers. Splitting, interning and the dictionaries a count by term would need happen once per distinct
/// identifier per counter instead of once per distinct identifier per file.
/// </summary>
/// <remarks>
/// Counters are not thread-safe; <see cref="Count"/> takes an idle one (or makes one) and gives it back, so there are
/// as many as files were ever counted at once.
/// </remarks>
internal sealed class TermCounter
{
    /// <summary>Identifiers remembered before a counter starts over (bounds memory in a long-lived process).</summary>
    private const int MaxIdentifiers = 250_000;

    /// <summary>Identifiers longer than this (minified code, base64) are skipped.</summary>
    private const int MaxIdentifierLength = 80;

    private static readonly ConcurrentBag<TermCounter> Idle = [];

    /// <summary>
    /// Drops the idle counters and what they remember. An index calls this when its files are counted, so a
    /// long-lived process does not keep the identifier tables between runs (the next run builds them again, which
    /// costs little next to reading the files).
    /// </summary>
    public static void ReleaseIdle()
    {
        while (Idle.TryTake(out _))
        {
        }
    }

    /// <summary>The most identifiers an idle counter remembers (for the test of the bound).</summary>
    internal static int MostRemembered => Idle.Select(c => c._identifiers.Count).DefaultIfEmpty().Max();

    // The identifiers met; each one's mark is where its terms are in _pool: their count, then their numbers. One
    // flat array instead of an array per identifier, so the hundreds of thousands of identifiers a large repository
    // has are not as many objects for the collector to trace and move. Offset 0 holds the empty list.
    private readonly NameTable _identifiers = new();
    private readonly List<int> _split = [];
    private int[] _pool = new int[16_384];
    private int _pooled = 1;
    private readonly Dictionary<string, int> _termNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termNumbersBySpan;
    private readonly List<string> _terms = [];
    private readonly List<int> _counted = [];
    private int[] _counts = new int[4096];

    // Which file last counted each term: a term is listed once per file even when its weight adds nothing.
    private int[] _countedIn = new int[4096];
    private int _file;

    private TermCounter() => _termNumbersBySpan = _termNumbers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The bag of a file: its text's identifiers, plus its path and its definitions' names weighted up.</summary>
    public static TermBag Count(string path, ReadOnlySpan<char> text, IReadOnlyList<SymbolDefinition> definitions)
    {
        var counter = Idle.TryTake(out var idle) ? idle : new TermCounter();
        try
        {
            if (counter._identifiers.Count > MaxIdentifiers)
            {
                counter.StartOver();
            }

            counter._file++;

            counter.Add(text, 1);
            counter.Add(path, RankingWeights.PathTermRepeat);
            foreach (var definition in definitions)
            {
                counter.Add(definition.Name, RankingWeights.DefinitionTermRepeat - 1);
            }

            return counter.Bag();
        }
        finally
        {
            counter.Clear();
            Idle.Add(counter);
        }
    }

    /// <summary>
    /// Counts the identifiers of the text (runs of ASCII letters, digits and underscores that start with a letter or
    /// an underscore, anywhere in it), each of its terms <paramref name="weight"/> times.
    /// </summary>
    private void Add(ReadOnlySpan<char> text, int weight)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!CharClasses.IsAsciiWordStart(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && CharClasses.IsAsciiWordPart(text[i]))
            {
                i++;
            }

            if (i - start > MaxIdentifierLength)
            {
                continue;
            }

            var identifier = text.Slice(start, i - start);
            var hash = NameTable.Hash(identifier);
            var entry = _identifiers.IndexOf(identifier, hash);
            var at = entry >= 0 ? _identifiers.Marks[entry] : Remember(identifier, hash);
            foreach (var term in _pool.AsSpan(at + 1, _pool[at]))
            {
                if (_countedIn[term] != _file)
                {
                    _countedIn[term] = _file;
                    _counted.Add(term);
                }

                _counts[term] += weight;
            }
        }
    }

    /// <summary>
    /// Splits a new identifier and remembers the numbers of its terms (those long enough to index); returns where they
    /// are in the pool.
    /// </summary>
    private int Remember(ReadOnlySpan<char> identifier, int hash)
    {
        var name = Names.Intern(identifier, hash);
        _split.Clear();
        Span<char> lower = stackalloc char[MaxIdentifierLength];
        foreach (var word in new TaskMentions.WordRanges(name))
        {
            var term = name.AsSpan(word);
            if (term.Length >= TermBag.MinTermLength)
            {
                // Identifiers are at most MaxIdentifierLength long, and so are their words; ASCII letters and digits only.
                _split.Add(NumberOf(lower[..term.ToLowerInvariant(lower)]));
            }
        }

        var at = 0;
        if (_split.Count > 0)
        {
            at = _pooled;
            if (_pooled + 1 + _split.Count > _pool.Length)
            {
                Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _pooled + 1 + _split.Count));
            }

            _pool[_pooled++] = _split.Count;
            foreach (var number in _split)
            {
                _pool[_pooled++] = number;
            }
        }

        var entry = _identifiers.Add(name, hash);
        _identifiers.Marks[entry] = at;
        return at;
    }

    /// <summary>The number of a term, given in a buffer: a string is made only for a term met for the first time.</summary>
    private int NumberOf(ReadOnlySpan<char> term)
    {
        if (_termNumbersBySpan.TryGetValue(term, out var known))
        {
            return known;
        }

        var number = _terms.Count;
        var text = Names.Intern(term);
        _termNumbers[text] = number;
        _terms.Add(text);
        if (_terms.Count > _counts.Length)
        {
            Array.Resize(ref _counts, _counts.Length * 2);
            Array.Resize(ref _countedIn, _counts.Length);
        }

        return number;
    }

    private TermBag Bag()
    {
        var terms = new string[_counted.Count];
        var counts = new int[_counted.Count];
        for (var k = 0; k < terms.Length; k++)
        {
            var number = _counted[k];
            (terms[k], counts[k]) = (_terms[number], _counts[number]);
        }

        Array.Sort(terms, counts, StringComparer.Ordinal);
        return new TermBag(terms, counts);
    }

    /// <summary>Zeroes the counts of the last file (only those it touched).</summary>
    private void Clear()
    {
        foreach (var number in _counted)
        {
            _counts[number] = 0;
        }

        _counted.Clear();
    }

    private void StartOver()
    {
        Array.Clear(_countedIn);
        _file = 0;
        _identifiers.Clear();
        _pooled = 1;
        _termNumbers.Clear();
        _terms.Clear();
        _termNumbers.TrimExcess();
        _terms.TrimExcess();
    }
}
