using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>One expected or reported finding: rule and line in a file.</summary>
internal sealed record CorpusHit(string File, string Language, string RuleId, int Line);

/// <summary>Counts of one slice of a corpus run (a language or a rule family).</summary>
internal sealed record CorpusScore(string Name, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Reported findings that were expected, of all reported (1 when nothing was reported).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Expected findings that were reported, of all expected (1 when nothing was expected).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>What running the rules over a labelled corpus gave: the hits, the misses and the false alarms.</summary>
internal sealed record CorpusResult(int Files, IReadOnlyList<CorpusHit> Hits, IReadOnlyList<CorpusHit> Misses, IReadOnlyList<CorpusHit> FalseAlarms)
{
    /// <summary>All files together.</summary>
    public CorpusScore Overall => Score("overall", _ => true);

    /// <summary>Scores per language, in name order.</summary>
    public IReadOnlyList<CorpusScore> ByLanguage => Slices(h => h.Language);

    /// <summary>Scores per rule family, in name order.</summary>
    public IReadOnlyList<CorpusScore> ByFamily => Slices(h => RuleCatalog.FamilyOf(h.RuleId));

    /// <summary>A plain-text table of the scores, then every miss and false alarm.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Files} files, {Hits.Count + Misses.Count} expected findings");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"slice",-26} {"TP",4} {"FP",4} {"FN",4} {"precision",9} {"recall",7}");
        foreach (var score in ByLanguage.Append(Overall).Concat(ByFamily))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{score.Name,-26} {score.TruePositives,4} {score.FalsePositives,4} {score.FalseNegatives,4} {score.Precision,9:0.00} {score.Recall,7:0.00}");
        }

        foreach (var miss in Misses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"miss:        {miss.File}:{miss.Line} {miss.RuleId}");
        }

        foreach (var alarm in FalseAlarms)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"false alarm: {alarm.File}:{alarm.Line} {alarm.RuleId}");
        }

        return text.ToString();
    }

    private List<CorpusScore> Slices(Func<CorpusHit, string> key) =>
        Hits.Concat(Misses).Concat(FalseAlarms).Select(key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => Score(name, h => key(h) == name)).ToList();

    private CorpusScore Score(string name, Func<CorpusHit, bool> filter) =>
        new(name, Hits.Count(filter), FalseAlarms.Count(filter), Misses.Count(filter));
}

/// <summary>
/// Runs rules over a labelled corpus: source files whose offending lines carry a comment <c>expect: CG5001</c>
/// (several ids separated by commas; <c>expect-next-line:</c> on the line before, where the line itself cannot
/// hold a comment, as in JSX); a line without one expects nothing. A finding on a marked line with that
/// id is a hit, any other finding a false alarm, a marked id with no finding a miss.
/// </summary>
internal static partial class RuleCorpus
{
    /// <summary>The language id of a source file, by extension, or null.</summary>
    public static string? LanguageOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CS" => "csharp",
        ".PY" => "python",
        ".JS" or ".JSX" or ".MJS" or ".CJS" => "javascript",
        ".TS" or ".TSX" => "typescript",
        ".GO" => "go",
        ".JAVA" => "java",
        _ => null,
    };

    /// <summary>Runs the rules that apply to each file's language.</summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<IQualityRule> rules, string path, string language, string content)
    {
        var masked = MaskedSource.Create(content, language);
        var file = new SourceFile(path, language, content);
        var analysis = new FileAnalysis { Path = path, Language = language, Lines = masked.Position(content.Length).Line };
        return rules.Where(r => r.AppliesTo(language)).SelectMany(r => r.Check(file, masked, analysis)).ToList();
    }

    /// <summary>Runs the rules over every source file under the folder.</summary>
    public static CorpusResult Evaluate(string root, IReadOnlyList<IQualityRule> rules)
    {
        var hits = new List<CorpusHit>();
        var misses = new List<CorpusHit>();
        var alarms = new List<CorpusHit>();
        var files = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (LanguageOf(path) is not { } language)
            {
                continue;
            }

            files++;
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var content = File.ReadAllText(path);
            var expected = Expectations(content, language).Select(e => new CorpusHit(relative, language, e.RuleId, e.Line)).ToHashSet();
            var reported = Check(rules, relative, language, content).Select(f => new CorpusHit(relative, language, f.RuleId, f.Line)).ToHashSet();
            hits.AddRange(reported.Where(expected.Contains));
            alarms.AddRange(reported.Where(r => !expected.Contains(r)));
            misses.AddRange(expected.Where(e => !reported.Contains(e)));
        }

        return new CorpusResult(files, hits, misses, alarms);
    }

    /// <summary>The (rule, line) pairs the file's <c>expect:</c> comments ask for.</summary>
    public static IEnumerable<(string RuleId, int Line)> Expectations(string content, string language)
    {
        var masked = MaskedSource.Create(content, language);
        foreach (var comment in masked.Comments)
        {
            var (start, length) = comment.GetOffsetAndLength(content.Length);
            var marker = Marker().Match(content, start, length);
            if (!marker.Success)
            {
                continue;
            }

            var line = masked.Position(start).Line + (marker.Groups["next"].Success ? 1 : 0);
            foreach (var id in marker.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (id, line);
            }
        }
    }

    [GeneratedRegex(@"expect(?<next>-next-line)?:\s*(?<ids>CG\d{4}(?:\s*,\s*CG\d{4})*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Marker();
}
