using System.Diagnostics;
using System.Globalization;
using System.Text;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Bench.Complexity;

/// <summary>A reference function paired with ours (null when we found none at its place).</summary>
internal sealed record ComplexityPair(ReferenceFunction Reference, FunctionMetrics? Ours);

/// <summary>
/// Compares our analyzers' cyclomatic complexity with a reference tool's on a project: functions are matched by
/// file and line (exact first, then the nearest of ours within a window below the reference line, for tools that
/// report the first annotation or decorator line, or above it, for ESLint's arrow token), and the agreement rate is the share of matched functions
/// with equal complexity.
/// </summary>
internal static class ComplexityAgreement
{
    public static ILanguageAnalyzer AnalyzerFor(string language) => language switch
    {
        "python" => new PythonAnalyzer(),
        "javascript" => new JavaScriptAnalyzer(),
        "typescript" => new TypeScriptAnalyzer(),
        "java" => new JavaAnalyzer(),
        "go" => new GoAnalyzer(),
        _ => throw new ArgumentException($"unknown language {language}", nameof(language)),
    };

    public static async Task<(List<ComplexityPair> Pairs, List<(string File, FunctionMetrics Function)> OursOnly, TimeSpan Elapsed)> RunAsync(
        string root, string language, IReadOnlyList<ReferenceFunction> reference, int window, int before, CancellationToken cancellationToken)
    {
        var analyzer = AnalyzerFor(language);
        var pairs = new List<ComplexityPair>();
        var oursOnly = new List<(string File, FunctionMetrics Function)>();
        var clock = Stopwatch.StartNew();
        var elapsed = TimeSpan.Zero;
        foreach (var file in reference.GroupBy(r => r.File, StringComparer.Ordinal))
        {
            var full = Path.Combine(root, file.Key);
            if (!File.Exists(full) || !analyzer.CanAnalyze(full))
            {
                continue;
            }

            var content = await File.ReadAllTextAsync(full, cancellationToken);
            var start = clock.Elapsed;
            var source = new SourceFile(file.Key, language, content);
            var analysis = language is "javascript" or "typescript"
                ? ScriptAnalysis.Analyze(source, new LanguageOptions(), language, includeAnonymous: true) // ESLint measures callbacks too
                : await analyzer.AnalyzeAsync(source, new LanguageOptions(), cancellationToken);
            elapsed += clock.Elapsed - start;
            var ours = analysis.Functions.ToList();
            var matched = new Dictionary<ReferenceFunction, FunctionMetrics>(ReferenceEqualityComparer.Instance); // records: two methods on one line are equal
            foreach (var r in file)
            {
                if ((ours.FirstOrDefault(o => o.Line == r.Line && (r.Name is null || Simple(o.Name) == Simple(r.Name))) ?? ours.FirstOrDefault(o => o.Line == r.Line)) is { } exact)
                {
                    matched[r] = exact;
                    ours.RemoveAt(ours.FindIndex(o => ReferenceEquals(o, exact)));
                }
            }

            foreach (var r in file.Where(r => !matched.ContainsKey(r)).OrderBy(r => r.Line))
            {
                var next = file.Where(x => x.Line > r.Line).Select(x => x.Line).DefaultIfEmpty(int.MaxValue).Min();
                var previous = file.Where(x => x.Line < r.Line).Select(x => x.Line).DefaultIfEmpty(0).Max();
                var near = ours.Where(o => o.Line > r.Line && o.Line <= r.Line + window && o.Line < next).MinBy(o => o.Line) ??
                    ours.Where(o => o.Line < r.Line && o.Line >= r.Line - before && o.Line > previous).MaxBy(o => o.Line);
                if (near is not null)
                {
                    matched[r] = near;
                    ours.RemoveAt(ours.FindIndex(o => ReferenceEquals(o, near)));
                }
            }

            oursOnly.AddRange(ours.Select(o => (file.Key, o)));
            pairs.AddRange(file.Select(r => new ComplexityPair(r, matched.TryGetValue(r, out var ours) ? ours : null)));
        }

        return (pairs, oursOnly, elapsed);
    }

    public static string Summarise(string label, string language, List<ComplexityPair> pairs, List<(string File, FunctionMetrics Function)> oursOnly, TimeSpan elapsed, string root, int top)
    {
        var matched = pairs.Where(p => p.Ours is not null).ToList();
        var equal = matched.Count(p => p.Ours!.CyclomaticComplexity == p.Reference.Complexity);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{label} ({language}): reference {pairs.Count} functions in {pairs.Select(p => p.Reference.File).Distinct().Count()} files; matched {matched.Count} ({Percent(matched.Count, pairs.Count)}); ours only {oursOnly.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  agreement {Percent(equal, matched.Count)} ({equal}/{matched.Count} equal); within 1: {Percent(matched.Count(p => Math.Abs(p.Ours!.CyclomaticComplexity - p.Reference.Complexity) <= 1), matched.Count)}; our analysis time {elapsed.TotalMilliseconds:F0} ms");
        var differences = matched.Where(p => p.Ours!.CyclomaticComplexity != p.Reference.Complexity)
            .OrderByDescending(p => Math.Abs(p.Ours!.CyclomaticComplexity - p.Reference.Complexity)).ThenBy(p => p.Reference.File, StringComparer.Ordinal).ThenBy(p => p.Reference.Line)
            .ToList();
        foreach (var group in differences.GroupBy(p => Category(language, root, p)).OrderByDescending(g => g.Count()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Count(),4} × {group.Key}");
        }

        foreach (var p in differences.Take(top))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {p.Reference.File}:{p.Reference.Line} {p.Ours!.Name}: reference {p.Reference.Complexity}, ours {p.Ours.CyclomaticComplexity} [{Category(language, root, p)}]");
        }

        foreach (var p in pairs.Where(p => p.Ours is null).Take(Math.Min(top, 5)))
        {
            var line = File.ReadLines(Path.Combine(root, p.Reference.File)).Skip(p.Reference.Line - 1).FirstOrDefault()?.Trim() ?? string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"    unmatched {p.Reference.File}:{p.Reference.Line} {p.Reference.Name} ({p.Reference.Complexity}): {line[..Math.Min(line.Length, 80)]}");
        }

        foreach (var (file, function) in oursOnly.Take(Math.Min(top, 5)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    ours only {file}:{function.Line} {function.Name} ({function.CyclomaticComplexity})");
        }

        return text.ToString();
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Simple(string name) => name[(name.LastIndexOf('.') + 1)..];

    // A first guess at why a function differs, from what its text holds; the categories are explained in docs/benchmarks.md.
    private static string Category(string language, string root, ComplexityPair pair)
    {
        var lines = File.ReadAllLines(Path.Combine(root, pair.Reference.File));
        var body = string.Join('\n', lines.Skip(pair.Ours!.Line - 1).Take(Math.Max(1, pair.Ours.EndLine - pair.Ours.Line + 1)));
        var direction = pair.Ours.CyclomaticComplexity > pair.Reference.Complexity ? "ours higher" : "ours lower";
        string? feature = language switch
        {
            "python" when body.Contains("match ", StringComparison.Ordinal) => "match statement",
            "python" when body.Contains("lambda", StringComparison.Ordinal) => "lambda",
            "javascript" or "typescript" when body.Contains("=>", StringComparison.Ordinal) => "nested arrow function",
            "javascript" or "typescript" when body.Contains(" = ", StringComparison.Ordinal) && body.Contains('{', StringComparison.Ordinal) => "destructuring default",
            "java" when body.Contains("->", StringComparison.Ordinal) => "lambda or arrow case",
            "java" when body.Contains("new ", StringComparison.Ordinal) && body.Contains("() {", StringComparison.Ordinal) => "anonymous class",
            _ => null,
        };
        return feature is null ? direction : $"{direction}, {feature}";
    }
}
