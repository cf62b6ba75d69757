namespace CodegenBot.Core.Generation;

/// <summary>How a SEARCH block was found in a file.</summary>
public enum MatchKind
{
    /// <summary>Character for character.</summary>
    Exact,

    /// <summary>Equal once trailing whitespace is ignored on every line.</summary>
    TrailingWhitespace,

    /// <summary>Equal once indentation is ignored; the replacement was re-indented to the file's.</summary>
    Indentation,

    /// <summary>Equal once blank lines and indentation are ignored.</summary>
    BlankLines,

    /// <summary>Nearly equal (a few characters differ), with no other place close.</summary>
    Fuzzy,
}

/// <summary>Where a SEARCH block matched (a range of the file's lines) and the text to put there.</summary>
/// <param name="StartLine">First matched line, 0-based.</param>
/// <param name="LineCount">Lines matched.</param>
/// <param name="Replacement">The replacement lines, re-indented when the match ignored indentation.</param>
/// <param name="Kind">Which tolerance was needed.</param>
/// <param name="Similarity">1 for all but fuzzy matches.</param>
public sealed record SearchMatch(int StartLine, int LineCount, IReadOnlyList<string> Replacement, MatchKind Kind, double Similarity);

/// <summary>
/// Finds a SEARCH block in a file's lines: exactly first, then ignoring trailing whitespace, then indentation, then
/// blank lines, then by near-equality. Each step accepts only a unique match; two or more equally good places are
/// refused (<see cref="Result.Ambiguous"/> counts them) rather than guessed, and a fuzzy match must be clearly better than the next
/// best place. Never applies anything itself; <see cref="EditApplier"/> does.
/// </summary>
internal static class SearchMatcher
{
    /// <summary>A fuzzy match needs at least this similarity (0..1, per character, over the trimmed lines).</summary>
    public const double MinFuzzySimilarity = 0.9;

    /// <summary>A fuzzy match must beat the best place elsewhere by this margin.</summary>
    public const double MinFuzzyMargin = 0.1;

    /// <summary>Fuzzy search is skipped for blocks longer than this (edit distance is quadratic in their length).</summary>
    private const int MaxFuzzyChars = 2_000;

    /// <summary>At most this many windows, those sharing the most lines with the block, are compared character by character.</summary>
    private const int MaxFuzzyCandidates = 24;

    /// <summary>Fuzzy search is skipped for files of more lines than this times the block's (it is quadratic).</summary>
    private const int MaxFuzzyWork = 4_000_000;

    /// <summary>The outcome: a match, or why there is none, worded for the model.</summary>
    public sealed record Result(SearchMatch? Match, string? Problem, int Ambiguous);

    public static Result Find(IReadOnlyList<string> file, IReadOnlyList<string> search, IReadOnlyList<string> replace, string path)
    {
        if (search.Count == 0)
        {
            return new Result(null, $"The SEARCH block for {path} is empty; copy the lines to replace into it.", 0);
        }

        foreach (var (kind, normalise) in Strategies)
        {
            var starts = FindAll(file, search, normalise);
            if (starts.Count == 1)
            {
                var replacement = kind is MatchKind.Indentation ? Reindent(file, starts[0], search, replace) : replace;
                return new Result(new SearchMatch(starts[0], search.Count, replacement, kind, 1), null, 0);
            }

            if (starts.Count > 1)
            {
                var lines = string.Join(", ", starts.Take(5).Select(s => s + 1));
                return new Result(null, $"The SEARCH block matched {starts.Count} places in {path} (lines {lines}); include more surrounding lines so it matches once.", starts.Count);
            }
        }

        var compact = FindIgnoringBlankLines(file, search);
        if (compact.Count == 1)
        {
            var (start, count) = compact[0];
            return new Result(new SearchMatch(start, count, Reindent(file, start, search, replace), MatchKind.BlankLines, 1), null, 0);
        }

        if (compact.Count > 1)
        {
            return new Result(null, $"The SEARCH block matched {compact.Count} places in {path} once blank lines are ignored; include more surrounding lines so it matches once.", compact.Count);
        }

        return Fuzzy(file, search, replace, path);
    }

    private static readonly (MatchKind Kind, Func<string, string> Normalise)[] Strategies =
    [
        (MatchKind.Exact, l => l),
        (MatchKind.TrailingWhitespace, l => l.TrimEnd()),
        (MatchKind.Indentation, l => l.Trim()),
    ];

    private static List<int> FindAll(IReadOnlyList<string> file, IReadOnlyList<string> search, Func<string, string> normalise)
    {
        var wanted = search.Select(normalise).ToArray();
        var normalised = file.Select(normalise).ToArray();
        var starts = new List<int>();
        for (var start = 0; start + wanted.Length <= normalised.Length; start++)
        {
            var equal = true;
            for (var i = 0; i < wanted.Length && equal; i++)
            {
                equal = string.Equals(normalised[start + i], wanted[i], StringComparison.Ordinal);
            }

            if (equal)
            {
                starts.Add(start);
            }
        }

        return starts;
    }

    /// <summary>Matches of the non-blank SEARCH lines (trimmed) against the non-blank file lines, as file line ranges.</summary>
    private static List<(int Start, int Count)> FindIgnoringBlankLines(IReadOnlyList<string> file, IReadOnlyList<string> search)
    {
        var wanted = search.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var lines = Enumerable.Range(0, file.Count).Where(i => file[i].Trim().Length > 0).ToArray();
        var found = new List<(int, int)>();
        if (wanted.Length == 0)
        {
            return found;
        }

        for (var start = 0; start + wanted.Length <= lines.Length; start++)
        {
            var equal = true;
            for (var i = 0; i < wanted.Length && equal; i++)
            {
                equal = string.Equals(file[lines[start + i]].Trim(), wanted[i], StringComparison.Ordinal);
            }

            if (equal)
            {
                var first = lines[start];
                var last = lines[start + wanted.Length - 1];
                found.Add((first, last - first + 1));
            }
        }

        return found;
    }

    /// <summary>
    /// The best window of the file for the block by character similarity of the trimmed lines (window sizes of the
    /// block's length and one line either side), accepted only when similar enough and clearly better than any
    /// place that does not overlap it.
    /// </summary>
    private static Result Fuzzy(IReadOnlyList<string> file, IReadOnlyList<string> search, IReadOnlyList<string> replace, string path)
    {
        var notFound = $"The SEARCH block was not found in {path}; copy the lines exactly as they are in the file, whitespace included.";
        if ((long)file.Count * search.Sum(l => l.Length + 1) > MaxFuzzyWork || search.Sum(l => l.Length + 1) > MaxFuzzyChars || search.All(l => l.Trim().Length == 0))
        {
            return new Result(null, notFound, 0);
        }

        var wanted = string.Join('\n', search.Select(l => l.Trim()));
        var anchors = search.Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var anchored = file.Select(l => anchors.Contains(l.Trim())).ToArray();
        var windows = new List<(int Start, int Size, int Anchored, string Text)>();
        foreach (var size in new[] { search.Count, search.Count - 1, search.Count + 1 }.Where(s => s >= 1))
        {
            for (var start = 0; start + size <= file.Count; start++)
            {
                // Only windows sharing at least half their lines with the block are considered.
                var anchoredLines = Enumerable.Range(start, size).Count(i => anchored[i]);
                if (anchoredLines * 2 < size)
                {
                    continue;
                }

                var window = string.Join('\n', Enumerable.Range(start, size).Select(i => file[i].Trim()));
                var bound = 1 - ((double)Math.Abs(window.Length - wanted.Length) / Math.Max(window.Length, wanted.Length));
                if (bound >= MinFuzzySimilarity - MinFuzzyMargin)
                {
                    windows.Add((start, size, anchoredLines, window));
                }
            }
        }

        var candidates = windows.OrderByDescending(w => w.Anchored).ThenBy(w => w.Start).Take(MaxFuzzyCandidates)
            .Select(w => (Start: w.Start, Count: w.Size, Similarity: Similarity(w.Text, wanted),
                EqualLines: w.Size == search.Count ? Enumerable.Range(0, w.Size).Count(i => file[w.Start + i].Trim() == search[i].Trim()) : 0))
            .ToList();

        if (candidates.Count == 0)
        {
            return new Result(null, notFound, 0);
        }

        var best = candidates.MaxBy(c => c.Similarity);
        var rivals = candidates.Where(c => c.Start >= best.Start + best.Count || c.Start + c.Count <= best.Start).ToList();
        var rival = rivals.Select(c => c.Similarity).DefaultIfEmpty(0).Max();

        // Clearly better than anything elsewhere; or the only place where all lines but one are equal (a typo in
        // one line of a block that has near-twins, such as overloads, is still unambiguous).
        var oneLineOff = best.EqualLines >= search.Count - 1 && search.Count >= 3 && rivals.All(c => c.EqualLines < search.Count - 1);
        if (best.Similarity >= MinFuzzySimilarity && (best.Similarity - rival >= MinFuzzyMargin || (oneLineOff && best.Similarity > rival)))
        {
            return new Result(new SearchMatch(best.Start, best.Count, Reindent(file, best.Start, search, replace), MatchKind.Fuzzy, best.Similarity), null, 0);
        }

        var closest = $"lines {best.Start + 1}-{best.Start + best.Count} are the closest ({best.Similarity:P0} alike)";
        return new Result(null, best.Similarity - rival < MinFuzzyMargin && rival >= MinFuzzySimilarity
            ? $"The SEARCH block was not found exactly in {path} and nearly matches several places ({closest}); copy the lines exactly and include more context."
            : $"The SEARCH block was not found in {path}; {closest}. Copy the lines exactly as they are in the file.", 0);
    }

    /// <summary>1 − Levenshtein distance / longer length.</summary>
    internal static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return 1 - ((double)previous[b.Length] / Math.Max(a.Length, b.Length));
    }

    /// <summary>
    /// The replacement moved to the file's indentation: the SEARCH block's first non-blank line had indentation S
    /// where the file has F, so every replacement line is shifted by the difference (or, when S and F differ in
    /// kind, tabs against spaces, each line's leading S becomes F).
    /// </summary>
    private static IReadOnlyList<string> Reindent(IReadOnlyList<string> file, int start, IReadOnlyList<string> search, IReadOnlyList<string> replace)
    {
        var searchLine = search.FirstOrDefault(l => l.Trim().Length > 0);
        var fileLine = Enumerable.Range(start, Math.Max(0, Math.Min(search.Count + 1, file.Count - start))).Select(i => file[i]).FirstOrDefault(l => l.Trim().Length > 0);
        if (searchLine is null || fileLine is null)
        {
            return replace;
        }

        var from = Indent(searchLine);
        var to = Indent(fileLine);
        if (from == to)
        {
            return replace;
        }

        if (to.EndsWith(from, StringComparison.Ordinal))
        {
            // The block lost indentation: shift every line right by what is missing.
            var add = to[..(to.Length - from.Length)];
            return replace.Select(l => l.Trim().Length == 0 ? l : add + l).ToList();
        }

        if (from.EndsWith(to, StringComparison.Ordinal))
        {
            // The block gained indentation: shift every line left by the excess, as far as it has whitespace.
            var remove = from.Length - to.Length;
            return replace.Select(l => l.Trim().Length == 0 ? l : l[Math.Min(remove, l.Length - l.TrimStart().Length)..]).ToList();
        }

        // Different characters (tabs against spaces): swap the block's indentation for the file's where it leads.
        return replace.Select(l => l.Trim().Length == 0 ? l : l.StartsWith(from, StringComparison.Ordinal) ? to + l[from.Length..] : l).ToList();
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];
}
