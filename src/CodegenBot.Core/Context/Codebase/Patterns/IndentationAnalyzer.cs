using System.Globalization;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// Indentation per language: each sampled file is tabs, 4 spaces or 2 spaces by its indented lines; the pattern is the
/// style with the most indented lines and its share of them.
/// </summary>
internal sealed class IndentationAnalyzer : IPatternAnalyzer
{
    /// <summary>Fewest indented lines in a language's sample before its indentation is reported.</summary>
    public const int MinIndentedLines = 10;

    /// <summary>Share of a file's space-indented lines at a multiple of the unit for the file to count as using that unit (alignment aside).</summary>
    public const double UnitMinShare = 0.9;

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        foreach (var language in sample.Files.Select(f => f.Language.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var file in sample.Of(language))
            {
                var (style, count) = file.Memo(nameof(IndentationAnalyzer), f => Classify(f.Text));
                lines[style] = lines.GetValueOrDefault(style) + count;
            }

            var total = lines.Values.Sum();
            if (total < MinIndentedLines)
            {
                continue;
            }

            var dominant = lines.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First();
            var evidence = string.Create(CultureInfo.InvariantCulture, $"{dominant.Value} of {total} indented lines ({sample.Note(language)})");
            yield return new CodePattern("formatting", $"{language} indentation {dominant.Key}", evidence, NamingConventions.Share(dominant.Value, total));
        }
    }

    /// <summary>A file's style (<c>tabs</c>, <c>4 spaces</c>, <c>2 spaces</c>, <c>mixed spaces</c>) and how many indented lines it has.</summary>
    public static (string Style, int Lines) Classify(string text)
    {
        // Counted over spans of the text: a string per line was the largest allocation of profiling a repository.
        int tabs = 0, spaced = 0, byFour = 0, byTwo = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            var content = line.TrimStart(" \t");
            if (content.Length == line.Length || content.TrimEnd().IsEmpty || content.StartsWith('*'))
            {
                // Not indented, blank, or a block-comment continuation (aligned one space in).
                continue;
            }

            if (line[0] == '\t')
            {
                tabs++;
                continue;
            }

            var width = line.Length - line.TrimStart(' ').Length;
            spaced++;
            byFour += width % 4 == 0 ? 1 : 0;
            byTwo += width % 2 == 0 ? 1 : 0;
        }

        if (tabs > spaced)
        {
            return ("tabs", tabs + spaced);
        }

        var total = tabs + spaced;
        return byFour >= UnitMinShare * spaced ? ("4 spaces", total)
            : byTwo >= UnitMinShare * spaced ? ("2 spaces", total)
            : ("mixed spaces", total);
    }
}
