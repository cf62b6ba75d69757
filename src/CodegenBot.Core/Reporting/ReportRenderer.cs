using System.Globalization;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Core.Resilience;

namespace CodegenBot.Core.Reporting;

/// <summary>Where a report is shown.</summary>
/// <param name="PullRequest">In a pull request's body (no word about the reader's checkout).</param>
/// <param name="BlobBaseUrl">When set, findings link to <c>{BlobBaseUrl}/{path}#L{line}</c>.</param>
internal sealed record ReportTarget(bool PullRequest, string? BlobBaseUrl)
{
    /// <summary>A terminal or a file: the CLI.</summary>
    public static readonly ReportTarget Terminal = new(false, null);
}

/// <summary>Renders the Markdown report of a run from <c>templates/reports/generation.md.liquid</c>.</summary>
internal sealed class ReportRenderer(TemplateRenderer templates)
{
    public string Render(GenerationOutcome outcome, ReportTarget? target = null)
    {
        target ??= ReportTarget.Terminal;
        ArgumentNullException.ThrowIfNull(outcome);
        var final = outcome.Attempts[^1];
        var changes = outcome.Changes;
        var model = new Dictionary<string, object?>
        {
            ["succeeded"] = outcome.Succeeded,
            ["pull_request"] = target.PullRequest,
            ["dry_run"] = outcome.Request.DryRun,
            ["mode"] = ConfigNames.EnumValue(outcome.Request.Mode),
            ["title"] = outcome.Request.EffectiveTitle,
            ["give_up_reason"] = outcome.GiveUpReason ?? "",
            ["branch"] = outcome.Branch,
            ["base_branch"] = outcome.BaseBranch,
            ["base_short"] = outcome.BaseSha[..7],
            ["commit_short"] = outcome.CommitSha?[..7] ?? "",
            ["model"] = outcome.Model.Model,
            ["provider"] = ConfigNames.EnumValue(outcome.Model.Provider),
            ["input_tokens"] = outcome.InputTokens,
            ["output_tokens"] = outcome.OutputTokens,
            ["cached_tokens"] = outcome.Attempts.Sum(a => a.CachedInputTokens),
            ["cost"] = outcome.Cost is { } cost
                ? string.Create(CultureInfo.InvariantCulture, $"${cost:0.0000}")
                : "not priced (add the model to model.prices)",
            ["context"] = Map(
                ("tokens", outcome.Context.TokenCount),
                ("budget", outcome.Context.TokenBudget),
                ("warnings", outcome.Context.Warnings.ToList<object>()),
                ("team", outcome.Context.TeamInstructions.Select(t => Map(("path", t.Path), ("truncated", t.Truncated), ("tokens", TokenCounter.Default.Count(t.Content)))).ToList<object>())),
            ["coverage"] = Coverage(outcome.Context),
            ["attempts"] = outcome.Attempts.Select(a => Map(
                ("number", a.Number),
                ("passed", a.Failure is null),
                ("reason", a.Failure?.Display() ?? "-"),
                ("summary", a.FailureSummary ?? ""),
                ("finding_count", a.Assessment?.Findings.Count ?? 0),
                ("edit_count", a.Edits.Count),
                ("input_tokens", a.InputTokens),
                ("output_tokens", a.OutputTokens),
                ("duration", Format(a.Duration)),
                ("problems", a.Problems.ToList<object>()),
                ("findings", (a.Assessment?.Findings ?? []).Select(f => Map(
                    ("location", $"{f.File}:{f.Line}:{f.Column}"), ("rule", f.RuleId), ("dimension", f.Dimension.ToString().ToLowerInvariant()),
                    ("severity", f.Severity.ToString().ToLowerInvariant()), ("message", f.Message.TrimEnd('.')), ("hint", f.FixHint))).ToList<object>()))).ToList<object>(),
            ["scores"] = (final.Assessment?.Scores ?? []).Select(s => Map(
                ("dimension", s.Dimension.ToString().ToLowerInvariant()), ("score", Math.Round(s.Score)), ("threshold", Math.Round(s.Threshold)), ("passed", s.Passed))).ToList<object>(),
            // The same section as `codegen assess --format markdown` and the job summary (templates/reports/quality.md.liquid).
            ["quality"] = final.Assessment is { } assessment
                ? new QualityMarkdown(templates).Render(new QualityReport { Assessment = assessment }, new QualityMarkdownOptions { Title = "Quality of the final change", BlobBaseUrl = target.BlobBaseUrl })
                : "",
            ["files"] = final.Edits.GroupBy(e => e.Path).Select(g => Map(
                ("path", g.Key), ("kind", g.First().Kind.ToString().ToLowerInvariant()), ("removed", g.Sum(e => e.LinesRemoved)), ("added", g.Sum(e => e.LinesAdded)),
                ("matched", g.First().Kind == EditKind.Created ? "new file" : g.First().Kind == EditKind.Deleted ? "deleted" : string.Join(", ", g.Select(e => MatchLabel(e.Match)).Distinct(StringComparer.Ordinal))))).ToList<object>(),
            ["validation"] = ValidationRows(outcome),
            ["lessons"] = outcome.LessonsUsed.ToList<object>(),
            ["recurring"] = outcome.Feedback.RecurringInTask
                .Select(i => $"came back in {i.Occurrences} attempts: {Security.UntrustedText.SanitizeInline(i.ToString())}")
                .Concat(outcome.Feedback.RecurringInRepository.Select(r => $"hit by {r.Pattern.Tasks} earlier task(s) of this repository: {Security.UntrustedText.SanitizeInline(r.Item.ToString())}"))
                .ToList<object>(),
            ["timings"] = outcome.Timings.Select(t => Map(("stage", t.Stage), ("elapsed", Format(t.Elapsed)))).ToList<object>(),
            ["call_retries"] = outcome.CallRetries.Select(r => Map(("reason", r.Key.Display()), ("count", r.Value.Count), ("waited", Format(r.Value.Waited)))).ToList<object>(),
            ["diff"] = outcome.Request.DryRun || !outcome.Succeeded ? changes?.Diff ?? "" : "",
            ["diff_fence"] = "````",
        };

        return templates.Render("reports/generation.md.liquid", model);
    }

    /// <summary>Files shown one by one in the coverage table; the rest are counted.</summary>
    private const int CoverageRows = 40;

    private static Dictionary<string, object?> Coverage(GatheredContext context)
    {
        var sent = context.Coverage.Where(c => c.Tier != CoverageTier.DirectorySummary).ToList();
        var full = sent.Where(c => c.Tier == CoverageTier.FullText).ToList();
        var signatures = sent.Where(c => c.Tier == CoverageTier.Signatures).ToList();
        return Map(
            ("full_count", full.Count),
            ("full_tokens", full.Sum(c => c.Tokens)),
            ("signature_count", signatures.Count),
            ("signature_tokens", signatures.Sum(c => c.Tokens)),
            ("summary_count", context.Coverage.Count - sent.Count),
            ("more", Math.Max(0, sent.Count - CoverageRows)),
            ("rows", sent.Take(CoverageRows).Select(c => Map(
                ("path", c.Path),
                ("tier", c.Tier == CoverageTier.FullText ? "full text" : "signatures"),
                ("tokens", c.Tokens),
                ("reasons", string.Join("; ", c.Reasons.DefaultIfEmpty("ranked")).Replace("|", "\\|", StringComparison.Ordinal)))).ToList<object>()));
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>The last attempt's validation, command by command, beside the base commit's result.</summary>
    private static List<object> ValidationRows(GenerationOutcome outcome)
    {
        var run = outcome.Attempts.LastOrDefault(a => a.Validation is not null)?.Validation;
        if (run is null)
        {
            return [];
        }

        static string Result(Quality.Validation.CommandResult r) =>
            r.NotFound ? "not installed" : r.TimedOut ? "timed out" : r.Succeeded ? "passed" : $"failed (exit {r.ExitCode})";

        return run.Commands.Select(c =>
        {
            var before = outcome.Baseline?.Commands.FirstOrDefault(b => b.Result.Command.Name == c.Result.Command.Name);
            return Map(
                ("name", c.Result.Command.Name),
                ("command", c.Result.Command.Display),
                ("result", Result(c.Result)),
                ("tests", c.Tests is { } t ? $"{t.Passed} passed, {t.Failed} failed, {t.Skipped} skipped" : "-"),
                ("duration", Format(c.Result.Duration)),
                ("baseline", before is null ? "-" : Result(before.Result)),
                ("failures", (c.Tests?.Failures ?? []).Take(5).Select(f => (object)$"{f.Name}: {f.Message.Split('\n')[0]}").ToList()));
        }).ToList<object>();
    }

    private static string Format(TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 1
            ? elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string MatchLabel(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exactly",
        MatchKind.TrailingWhitespace => "ignoring trailing spaces",
        MatchKind.Indentation => "ignoring indentation (re-indented)",
        MatchKind.BlankLines => "ignoring blank lines",
        _ => "nearly (fuzzy, checked unique)",
    };
}
