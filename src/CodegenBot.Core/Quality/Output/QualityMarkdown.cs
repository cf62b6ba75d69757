using System.Globalization;
using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Quality.Output;

/// <summary>How the Markdown quality section links and how much it lists.</summary>
internal sealed record QualityMarkdownOptions
{
    /// <summary>The section's heading.</summary>
    public string Title { get; init; } = "Quality";

    /// <summary>
    /// The address of the assessed tree on the forge, such as <c>https://github.com/o/r/blob/SHA</c>; locations link
    /// to <c>{BlobBaseUrl}/{path}#L{line}</c>. Null: locations are plain text.
    /// </summary>
    public string? BlobBaseUrl { get; init; }

    /// <summary>Findings listed per severity (and pre-existing ones); the rest are counted.</summary>
    public int MaxFindings { get; init; } = 50;

    /// <summary>A severity with more findings than this is folded into a &lt;details&gt; block.</summary>
    public int OpenFindings { get; init; } = 10;
}

/// <summary>
/// The quality section of PR bodies, reports and <c>$GITHUB_STEP_SUMMARY</c>, from
/// <c>templates/reports/quality.md.liquid</c>. Text from the repository is escaped here, never in the template.
/// </summary>
internal sealed class QualityMarkdown(TemplateRenderer templates)
{
    /// <summary>Failures listed per validation command.</summary>
    private const int ValidationFailuresShown = 5;

    public string Render(QualityReport report, QualityMarkdownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new QualityMarkdownOptions();
        var assessment = report.Assessment;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = MarkdownText.Escape(options.Title),
            ["passed"] = report.Passed,
            ["overall"] = Number(assessment.Overall),
            ["overall_threshold"] = Number(assessment.OverallThreshold),
            ["overall_passed"] = assessment.Overall >= assessment.OverallThreshold,
            ["analyzed_count"] = assessment.AnalyzedFiles.Count,
            ["skipped_count"] = assessment.SkippedFiles.Count,
            ["base_ref"] = report.BaseRef is { } baseRef ? MarkdownText.Code(baseRef) : "",
            ["scores"] = assessment.Scores.Select(s => Map(
                ("dimension", Name(s.Dimension)), ("score", Number(s.Score)), ("threshold", Number(s.Threshold)), ("passed", s.Passed))).ToList<object>(),
            ["finding_count"] = assessment.Findings.Count,
            ["groups"] = assessment.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => Map(
                ("label", Label(g.Key)),
                ("count", g.Count()),
                ("collapsed", g.Count() > options.OpenFindings),
                ("lines", g.Take(options.MaxFindings).Select(f => (object)Line(f, options)).ToList()),
                ("more", Math.Max(0, g.Count() - options.MaxFindings)))).ToList<object>(),
            ["preexisting"] = Map(
                ("count", assessment.PreexistingFindings.Count),
                ("lines", assessment.PreexistingFindings.Take(options.MaxFindings).Select(f => (object)Line(f, options, withSeverity: true)).ToList()),
                ("more", Math.Max(0, assessment.PreexistingFindings.Count - options.MaxFindings))),
            ["worst"] = report.WorstFunctions().Select(w => Map(
                ("name", MarkdownText.Code(w.Function.Name, tableCell: true)),
                ("location", Location(w.File, w.Function.Line, options, tableCell: true)),
                ("cyclomatic", w.Function.CyclomaticComplexity),
                ("cognitive", w.Function.CognitiveComplexity?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                ("nesting", w.Function.MaxNestingDepth),
                ("lines", w.Function.CodeLines))).ToList<object>(),
            ["validation_passed"] = report.ValidationPassed,
            ["validation"] = (report.Validation?.Commands ?? []).Select(c => Map(
                ("name", MarkdownText.Escape(c.Result.Command.Name)),
                ("command", MarkdownText.Code(c.Result.Command.Display, tableCell: true)),
                ("result", QualityReport.Describe(c.Result)),
                ("tests", c.Tests is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.Passed} passed, {t.Failed} failed, {t.Skipped} skipped") : "-"),
                ("duration", c.Result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"))).ToList<object>(),
            ["validation_failures"] = (report.Validation?.Commands ?? [])
                .SelectMany(c => (c.Tests?.Failures ?? []).Take(ValidationFailuresShown)
                    .Select(f => (object)$"- {MarkdownText.Escape(c.Result.Command.Name)}: {MarkdownText.Escape(f.Name)}: {MarkdownText.Escape(f.Message.Split('\n')[0].Trim())}"))
                .ToList(),
        };

        // One trailing newline whatever the template's own whitespace, so the section embeds cleanly.
        return templates.Render("reports/quality.md.liquid", model).TrimEnd() + "\n";
    }

    /// <summary><c>- [`src/A.cs:12`](url) **CG5001** (security, [CWE-89](…)): message. Fix: hint.</c></summary>
    private static string Line(Finding f, QualityMarkdownOptions options, bool withSeverity = false)
    {
        var tags = new List<string> { Name(f.Dimension) };
        if (withSeverity)
        {
            tags.Add(f.Severity.ToString().ToLowerInvariant());
        }

        if (f.Cwe is { } cwe)
        {
            tags.Add(string.Create(CultureInfo.InvariantCulture, $"[CWE-{cwe}](https://cwe.mitre.org/data/definitions/{cwe}.html)"));
        }

        var hint = f.FixHint.Length > 0 ? $" Fix: {MarkdownText.Escape(f.FixHint.TrimEnd('.'))}." : "";
        return $"- {Location(f.File, f.Line, options, tableCell: false)} **{MarkdownText.Escape(f.RuleId)}** ({string.Join(", ", tags)}): {MarkdownText.Escape(f.Message.TrimEnd('.'))}.{hint}";
    }

    private static string Location(string file, int line, QualityMarkdownOptions options, bool tableCell)
    {
        var code = MarkdownText.Code(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}"), tableCell);
        if (options.BlobBaseUrl is not { Length: > 0 } baseUrl)
        {
            return code;
        }

        var path = string.Join('/', file.Split('/').Select(Uri.EscapeDataString));
        return string.Create(CultureInfo.InvariantCulture, $"[{code}]({baseUrl.TrimEnd('/')}/{path}#L{line})");
    }

    private static string Label(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "Errors",
        FindingSeverity.Warning => "Warnings",
        _ => "Notes",
    };

    private static string Name(QualityDimension dimension) => dimension.ToString().ToLowerInvariant();

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
