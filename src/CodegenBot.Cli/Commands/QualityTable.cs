using System.Globalization;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Output;
using Spectre.Console;

namespace CodegenBot.Cli.Commands;

/// <summary>
/// The terminal form of a quality report (<c>codegen assess --format table</c>): verdict, dimension table,
/// findings, most complex functions and validation, as plain text tables (no colours, so it reads the same in a
/// file or a CI log). Lives in the CLI because only the CLI depends on Spectre.Console.
/// </summary>
internal static class QualityTable
{
    /// <summary>Findings listed; the rest are counted.</summary>
    private const int ShownFindings = 100;

    public static string Render(QualityReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = PlainConsole.Create(writer);

        var a = report.Assessment;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Quality: {(report.Passed ? "passed" : "BELOW THE THRESHOLD")}; overall {a.Overall:0.#} (threshold {a.OverallThreshold:0.#})"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Files: {a.AnalyzedFiles.Count} analysed, {a.SkippedFiles.Count} without an analyzer{(report.BaseRef is null ? "" : $"; changes since {report.BaseRef}")}"));

        if (a.Scores.Count > 0)
        {
            var dimensions = new Table().AddColumns("Dimension", "Score", "Threshold", "Result");
            foreach (var s in a.Scores)
            {
                dimensions.AddRow(s.Dimension.ToString(), Number(s.Score), Number(s.Threshold), s.Passed ? "passed" : "FAILED");
            }

            dimensions.AddRow("Overall", Number(a.Overall), Number(a.OverallThreshold), a.Overall >= a.OverallThreshold ? "passed" : "FAILED");
            console.Write(dimensions);
        }

        Findings(console, "Findings", a.Findings);
        Findings(console, $"Pre-existing findings (in {report.BaseRef ?? "the base"}, not scored)", a.PreexistingFindings);

        var worst = report.WorstFunctions();
        if (worst.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Most complex functions");
            var table = new Table().AddColumns("Function", "Location", "Cyclomatic", "Cognitive", "Nesting", "Lines");
            foreach (var (file, f) in worst)
            {
                table.AddRow(
                    Markup.Escape(f.Name), Markup.Escape(Location(file, f.Line)), Int(f.CyclomaticComplexity),
                    f.CognitiveComplexity is { } c ? Int(c) : "-", Int(f.MaxNestingDepth), Int(f.CodeLines));
            }

            console.Write(table);
        }

        if (report.Validation is { } validation)
        {
            console.WriteLine();
            console.WriteLine($"Validation: {(report.ValidationPassed ? "passed" : "FAILED")}");
            var table = new Table().AddColumns("Check", "Command", "Result", "Tests");
            foreach (var c in validation.Commands)
            {
                table.AddRow(
                    Markup.Escape(c.Result.Command.Name), Markup.Escape(c.Result.Command.Display), Markup.Escape(QualityReport.Describe(c.Result)),
                    c.Tests is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.Passed} passed, {t.Failed} failed, {t.Skipped} skipped") : "-");
            }

            console.Write(table);
        }

        return writer.ToString();
    }

    private static void Findings(IAnsiConsole console, string title, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {findings.Count}"));
        var table = new Table().AddColumns("Severity", "Location", "Rule", "Dimension", "Message");
        foreach (var f in findings.Take(ShownFindings))
        {
            var cwe = f.Cwe is { } id ? string.Create(CultureInfo.InvariantCulture, $" (CWE-{id})") : "";
            var hint = f.FixHint.Length > 0 ? $" Fix: {f.FixHint}" : "";
            table.AddRow(
                f.Severity.ToString().ToLowerInvariant(), Markup.Escape(Location(f.File, f.Line, f.Column)), Markup.Escape(f.RuleId + cwe),
                f.Dimension.ToString().ToLowerInvariant(), Markup.Escape(f.Message.TrimEnd('.') + "." + hint));
        }

        console.Write(table);
        if (findings.Count > ShownFindings)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {findings.Count - ShownFindings} more (--format json lists all)."));
        }
    }

    private static string Location(string file, int line, int? column = null) =>
        column is { } c ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{c}") : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}");

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
