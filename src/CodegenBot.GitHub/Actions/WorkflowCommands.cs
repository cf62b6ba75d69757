using System.Globalization;
using CodegenBot.Core.Quality;

namespace CodegenBot.GitHub.Actions;

/// <summary>
/// GitHub Actions' workflow commands and environment files: masks (<c>::add-mask::</c>), annotations, step
/// outputs (<c>$GITHUB_OUTPUT</c>) and the job summary (<c>$GITHUB_STEP_SUMMARY</c>). Outside Actions the files
/// are absent and only the stdout commands are written, which a terminal shows as plain lines.
/// </summary>
internal sealed class WorkflowCommands(TextWriter stdout, string? outputFile, string? summaryFile)
{
    /// <summary>Most annotations GitHub shows per step (10 per level); more are written as log lines only.</summary>
    public const int MaxAnnotations = 10;

    /// <summary>Tells the runner to replace the value with *** in every later log line. Each line of a multi-line secret is masked.</summary>
    public void Mask(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        foreach (var line in secret.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            stdout.WriteLine($"::add-mask::{EscapeData(line)}");
        }
    }

    /// <summary>Writes the findings as annotations on the changed files (errors and warnings; at most <see cref="MaxAnnotations"/> each).</summary>
    public void Annotate(IEnumerable<Finding> findings)
    {
        foreach (var group in findings.Where(f => f.Severity >= FindingSeverity.Warning).GroupBy(f => f.Severity))
        {
            foreach (var finding in group.Take(MaxAnnotations))
            {
                var level = finding.Severity == FindingSeverity.Error ? "error" : "warning";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"::{level} file={EscapeProperty(finding.File)},line={finding.Line},col={finding.Column},title={EscapeProperty(finding.RuleId)}::{EscapeData(finding.Message + " Fix: " + finding.FixHint)}"));
            }
        }
    }

    /// <summary>Sets a step output.</summary>
    public void SetOutput(string name, string value)
    {
        if (outputFile is null)
        {
            return;
        }

        var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
        File.AppendAllText(outputFile, $"{name}<<{delimiter}\n{value}\n{delimiter}\n");
    }

    /// <summary>Appends Markdown to the job summary.</summary>
    public void AppendSummary(string markdown)
    {
        if (summaryFile is not null)
        {
            File.AppendAllText(summaryFile, markdown.TrimEnd() + "\n");
        }
    }

    internal static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
