using System.Text.RegularExpressions;
using CodegenBot.Core.Quality;

namespace CodegenBot.Core.Feedback;

/// <summary>Where feedback comes from, as the prompt and the store name it (upper case).</summary>
public enum FeedbackCategory
{
    /// <summary>The quality assessor's findings.</summary>
    Quality,

    /// <summary>Compiler errors, exceptions, stack traces.</summary>
    Error,

    /// <summary>Tests, linters, the edit protocol's checks, external validators.</summary>
    Validation,

    /// <summary>Performance anti-patterns, hangs and timeouts.</summary>
    Performance,

    /// <summary>Vulnerability patterns and secrets.</summary>
    Security,

    /// <summary>People: review comments, revise instructions, pull requests merged or closed.</summary>
    User,
}

/// <summary>
/// One piece of feedback, normalised: what is wrong, where, why we think so, and a <see cref="Key"/> that is the
/// same for the same problem wherever it appears (another line, another identifier, another task), so repeats
/// can be counted within a task and across a repository's tasks.
/// </summary>
public sealed partial record FeedbackItem(FeedbackCategory Category, string Message)
{
    /// <summary>Longest evidence kept (a compiler line, a failing test's message).</summary>
    public const int MaxEvidenceLength = 400;

    /// <summary>The file, relative to the repository root, when known.</summary>
    public string? File { get; init; }

    /// <summary>1-based line, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The rule or diagnostic id (CS0246, CG2001), when known.</summary>
    public string? RuleId { get; init; }

    /// <summary>The CWE of a security finding, when known.</summary>
    public int? Cwe { get; init; }

    /// <summary>The quality dimension of an assessor finding, when it is one.</summary>
    public QualityDimension? Dimension { get; init; }

    /// <summary>What shows it (a compiler line, a test name and message), bounded.</summary>
    public string? Evidence { get; init => field = value is null || value.Length <= MaxEvidenceLength ? value : string.Concat(value.AsSpan(0, MaxEvidenceLength - 3), "..."); }

    /// <summary>How to fix it, when the check says.</summary>
    public string? Hint { get; init; }

    /// <summary>How much it matters.</summary>
    public FindingSeverity Severity { get; init; } = FindingSeverity.Warning;

    /// <summary>The attempt it came from (null for people's feedback).</summary>
    public int? Attempt { get; init; }

    /// <summary>How many times it was seen in the task (after deduplication).</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>
    /// The problem's identity: category, rule and normalised message (numbers, quoted names and locations
    /// replaced), without the file or line, so the same mistake in another file or task has the same key.
    /// </summary>
    public string Key => $"{Category.ToString().ToUpperInvariant()}|{RuleId?.ToLowerInvariant() ?? ""}|{Normalize(Message)}";

    /// <summary>The category as shown: QUALITY, ERROR, ...</summary>
    public string CategoryName => Category.ToString().ToUpperInvariant();

    /// <summary><c>[ERROR] src/A.cs:12: message (CS0246); fix: hint</c>.</summary>
    public override string ToString()
    {
        var location = File is null ? "" : Line is { } line ? $"{File}:{line}: " : $"{File}: ";
        var rule = RuleId is null ? "" : $" ({RuleId})";
        var times = Occurrences > 1 ? $" [seen {Occurrences} times]" : "";
        var hint = string.IsNullOrEmpty(Hint) ? "" : $"; fix: {Hint}";
        return $"[{CategoryName}] {location}{Message}{rule}{hint}{times}";
    }

    /// <summary>The message with what varies between occurrences of one problem replaced: quoted text, numbers, locations, case and spacing.</summary>
    public static string Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Quoted().Replace(message, "<name>");
        text = Location().Replace(text, "<location>");
        text = Number().Replace(text, "<n>");
        text = Space().Replace(text, " ").Trim().ToLowerInvariant();
        return text.Length <= 200 ? text : text[..200];
    }

    [GeneratedRegex("""'[^'\n]{1,200}'|`[^`\n]{1,200}`|"[^"\n]{1,200}"|‘[^’\n]{1,200}’""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[\w./\\-]+\.[A-Za-z0-9]{1,6}(?::\d+(?::\d+)?|\(\d+(?:,\d+)?\))")]
    private static partial Regex Location();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
