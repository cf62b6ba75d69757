namespace CodegenBot.Core.Context.Codebase;

/// <summary>Files and lines per programming language.</summary>
internal static class LanguageCounter
{
    public static IReadOnlyList<LanguageShare> Count(RepositorySnapshot repository)
    {
        var totals = new Dictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var path in repository.Files)
        {
            if (LanguageTable.Detect(path) is not { } language)
            {
                continue;
            }

            // Every source file is counted, from the index's counts when it has them (reading them all costs a second
            // on a large repository; keeping them all in the snapshot's cache would cost memory).
            var lines = repository.LinesOf(path);
            var counted = totals.TryGetValue(language.DisplayName, out var found) ? found : totals[language.DisplayName] = new Totals();
            counted.Files++;
            counted.Lines += lines;
        }

        return totals.Select(t => new LanguageShare(t.Key, t.Value.Files, t.Value.Lines))
            .OrderByDescending(l => l.Lines).ThenBy(l => l.Language, StringComparer.Ordinal).ToList();
    }

    /// <summary>A language's running counts (a class, not a value tuple: no dictionary code compiled at run time for it).</summary>
    private sealed class Totals
    {
        public int Files { get; set; }

        public int Lines { get; set; }
    }

    /// <summary>Lines as an editor shows them: a final line without a newline counts, an empty file has none.</summary>
    public static int CountLines(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var lines = text.AsSpan().Count('\n');
        return text[^1] == '\n' ? lines : lines + 1;
    }
}
