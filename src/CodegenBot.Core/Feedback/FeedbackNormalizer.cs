using System.Globalization;
using System.Text.RegularExpressions;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Security;

namespace CodegenBot.Core.Feedback;

/// <summary>
/// Turns what the checks and people said into <see cref="FeedbackItem"/>s: assessor findings (QUALITY, or
/// SECURITY / PERFORMANCE by dimension, ERROR for compiler diagnostics), the repository's own build and tests
/// (ERROR for compiler errors and exceptions, VALIDATION for failing tests, PERFORMANCE for hangs), the edit
/// protocol's problems (VALIDATION), and review comments, revise instructions and merged or closed pull requests (USER).
/// </summary>
public static partial class FeedbackNormalizer
{
    /// <summary>The items of one attempt, in the order the checks reported them.</summary>
    public static IReadOnlyList<FeedbackItem> FromAttempt(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var items = new List<FeedbackItem>();
        var fromValidation = attempt.Validation is not null;
        foreach (var problem in attempt.Problems)
        {
            items.AddRange(fromValidation ? FromValidationProblem(problem) : [new FeedbackItem(FeedbackCategory.Validation, problem) { Severity = FindingSeverity.Error }]);
        }

        foreach (var finding in attempt.Assessment?.Findings ?? [])
        {
            items.Add(FromFinding(finding));
        }

        return [.. items.Select(i => i with { Attempt = attempt.Number })];
    }

    /// <summary>An assessor finding.</summary>
    public static FeedbackItem FromFinding(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var category = finding.Dimension switch
        {
            QualityDimension.Security => FeedbackCategory.Security,
            QualityDimension.Performance => FeedbackCategory.Performance,
            QualityDimension.Correctness when finding.Severity == FindingSeverity.Error && CompilerRule().IsMatch(finding.RuleId) => FeedbackCategory.Error,
            _ => FeedbackCategory.Quality,
        };
        return new FeedbackItem(category, finding.Message)
        {
            File = finding.File,
            Line = finding.Line,
            RuleId = finding.RuleId,
            Cwe = finding.Cwe,
            Dimension = finding.Dimension,
            Severity = finding.Severity,
            Hint = finding.FixHint.Length > 0 ? finding.FixHint : null,
            Evidence = $"{finding.File}:{finding.Line}:{finding.Column}",
        };
    }

    /// <summary>
    /// One problem the repository's own commands reported (as <c>Validator.Regressions</c> words it): each compiler
    /// error of a failing build on its own, failing tests, a hang, or the tail of a command's output.
    /// </summary>
    public static IReadOnlyList<FeedbackItem> FromValidationProblem(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Contains("did not finish within the time limit", StringComparison.Ordinal))
        {
            return [new FeedbackItem(FeedbackCategory.Performance, problem) { Severity = FindingSeverity.Error }];
        }

        if (FailingTests().Match(problem) is { Success: true } tests)
        {
            return [.. tests.Groups["list"].Value.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(t =>
            {
                var (name, message) = SplitOnce(t, ": ");
                return new FeedbackItem(IsException(message) ? FeedbackCategory.Error : FeedbackCategory.Validation, $"test {name} fails: {message}")
                {
                    Evidence = $"{tests.Groups["command"].Value}: {t}",
                    Severity = FindingSeverity.Error,
                };
            })];
        }

        if (CompilerErrors().Match(problem) is { Success: true } build)
        {
            var items = new List<FeedbackItem>();
            foreach (var error in NextDiagnostic().Split(build.Groups["list"].Value).Where(e => e.Length > 0))
            {
                items.Add(Diagnostic().Match(error) is { Success: true } d
                    ? new FeedbackItem(FeedbackCategory.Error, d.Groups["message"].Value)
                    {
                        File = d.Groups["file"].Value,
                        Line = int.Parse(d.Groups["line"].Value, CultureInfo.InvariantCulture),
                        RuleId = d.Groups["rule"].Value,
                        Evidence = $"{build.Groups["command"].Value}: {error}",
                        Severity = FindingSeverity.Error,
                    }
                    : new FeedbackItem(FeedbackCategory.Error, error) { Evidence = build.Groups["command"].Value, Severity = FindingSeverity.Error });
            }

            return items;
        }

        return [new FeedbackItem(IsException(problem) ? FeedbackCategory.Error : FeedbackCategory.Validation, FirstLine(problem)) { Evidence = problem, Severity = FindingSeverity.Error }];
    }

    /// <summary>A review comment (on a file and line, or on the whole pull request).</summary>
    public static FeedbackItem FromReview(string body, string? path, int? line)
    {
        ArgumentNullException.ThrowIfNull(body);
        var clean = UntrustedText.Sanitize(body).Text;
        return new FeedbackItem(FeedbackCategory.User, $"reviewer: {UntrustedText.SanitizeInline(FirstParagraph(clean))}")
        {
            File = string.IsNullOrEmpty(path) ? null : UntrustedText.SanitizeInline(path),
            Line = line,
            Evidence = UntrustedText.SanitizeInline(clean),
            Severity = FindingSeverity.Error,
        };
    }

    /// <summary>Instructions given with <c>/codegen revise</c>.</summary>
    public static FeedbackItem FromInstructions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FeedbackItem(FeedbackCategory.User, $"requested: {UntrustedText.SanitizeInline(FirstParagraph(UntrustedText.Sanitize(text).Text))}") { Severity = FindingSeverity.Error };
    }

    /// <summary>How the bot's pull request ended.</summary>
    public static FeedbackItem FromPullRequestOutcome(bool merged) => merged
        ? new FeedbackItem(FeedbackCategory.User, "the pull request was merged") { Severity = FindingSeverity.Info }
        : new FeedbackItem(FeedbackCategory.User, "the pull request was closed without merging") { Severity = FindingSeverity.Warning };

    private static bool IsException(string text) => ExceptionText().IsMatch(text);

    private static (string Head, string Tail) SplitOnce(string text, string separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, "") : (text[..at], text[(at + separator.Length)..]);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string FirstParagraph(string text)
    {
        var paragraph = text.Trim().Split("\n\n", 2)[0];
        return string.Join(' ', paragraph.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [GeneratedRegex(@"^(CS|BC|FS|TS)\d{4}$|^E\d{4}$")]
    private static partial Regex CompilerRule();

    [GeneratedRegex(@"^(?<command>.+?): \d+ test\(s\) fail that passed before this change: (?<list>.+)$", RegexOptions.Singleline)]
    private static partial Regex FailingTests();

    [GeneratedRegex(@"^(?<command>.+?) fails with \d+ error\(s\): (?<list>.+)$", RegexOptions.Singleline)]
    private static partial Regex CompilerErrors();

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):(?<column>\d+): (?<rule>\S+) (?<message>.+)$")]
    private static partial Regex Diagnostic();

    /// <summary>The "; " between two diagnostics (not one inside a message such as "; expected").</summary>
    [GeneratedRegex(@"; (?=[^\s;:]+:\d+:\d+: )")]
    private static partial Regex NextDiagnostic();

    [GeneratedRegex(@"\b\w*(Exception|Error)\b:|Traceback \(most recent call last\)|^\s+at \S+\(|panic:", RegexOptions.Multiline)]
    private static partial Regex ExceptionText();
}
