using System.Text.Json;
using System.Text.Json.Serialization;
using CodegenBot.Core.Quality.Validation;

namespace CodegenBot.Core.Quality.Output;

/// <summary>
/// The JSON form of a <see cref="QualityReport"/>: camelCase names, enums as camelCase strings, properties in
/// declaration order, lists in the assessment's order (findings most severe first, files by path), so the same
/// assessment always gives the same bytes. The shape is documented in <c>docs/quality.md</c>; a change that
/// removes or renames a property bumps <see cref="SchemaVersion"/>, additions do not.
/// </summary>
internal static class QualityJson
{
    /// <summary>The version of the shape, written as <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output for people and tools, not HTML: keep <, > and quotes in messages readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as indented JSON, without a trailing newline.</summary>
    public static string Render(QualityReport report) => JsonSerializer.Serialize(Document(report), Options);

    private static JsonDocumentV1 Document(QualityReport report)
    {
        var assessment = report.Assessment;
        return new JsonDocumentV1(
            SchemaVersion,
            new JsonTool(ToolInfo.Name, ToolInfo.Version),
            report.Passed,
            report.BaseRef,
            new JsonOverall(assessment.Overall, assessment.OverallThreshold, assessment.Overall >= assessment.OverallThreshold),
            assessment.Scores.Select(Score).ToList(),
            assessment.Findings.Select(Finding).ToList(),
            assessment.PreexistingFindings.Select(Finding).ToList(),
            assessment.AnalyzedFiles,
            assessment.SkippedFiles,
            assessment.FileScores.Select(f => new JsonFile(f.Path, f.Language, f.CodeLines, f.Overall, f.Scores.Select(Score).ToList())).ToList(),
            report.WorstFunctions().Select(w => new JsonFunction(
                w.File, w.Function.Name, w.Function.Line, w.Function.CyclomaticComplexity, w.Function.CognitiveComplexity,
                w.Function.MaxNestingDepth, w.Function.CodeLines, w.Function.Parameters)).ToList(),
            report.Validation is { } run ? Validation(run, report.ValidationPassed) : null);
    }

    private static JsonScore Score(DimensionScore s) => new(s.Dimension, s.Score, s.Threshold, s.Passed);

    private static JsonFinding Finding(Finding f) => new(f.File, f.Line, f.Column, f.RuleId, f.Dimension, f.Severity, f.Message, f.FixHint, f.Cwe);

    private static JsonValidation Validation(ValidationRun run, bool passed) => new(passed, run.Commands.Select(c => new JsonCommand(
        c.Result.Command.Name,
        c.Result.Command.Kind,
        c.Result.Command.Display,
        c.Result.NotFound ? "notInstalled" : c.Result.TimedOut ? "timedOut" : c.Result.Succeeded ? "passed" : "failed",
        c.Result.ExitCode,
        (long)c.Result.Duration.TotalMilliseconds,
        c.Tests is { } t ? new JsonTests(t.Passed, t.Failed, t.Skipped, t.Failures.Select(f => new JsonTestFailure(f.Name, f.Message)).ToList()) : null,
        c.Findings.Select(Finding).ToList())).ToList());

    // The shape, version 1. Property order is declaration order.
    private sealed record JsonDocumentV1(
        int SchemaVersion, JsonTool Tool, bool Passed, string? BaseRef, JsonOverall Overall, IReadOnlyList<JsonScore> Dimensions,
        IReadOnlyList<JsonFinding> Findings, IReadOnlyList<JsonFinding> PreexistingFindings, IReadOnlyList<string> AnalyzedFiles,
        IReadOnlyList<string> SkippedFiles, IReadOnlyList<JsonFile> Files, IReadOnlyList<JsonFunction> WorstFunctions, JsonValidation? Validation);

    private sealed record JsonTool(string Name, string Version);

    private sealed record JsonOverall(double Score, double Threshold, bool Passed);

    private sealed record JsonScore(QualityDimension Dimension, double Score, double Threshold, bool Passed);

    private sealed record JsonFinding(
        string File, int Line, int Column, string RuleId, QualityDimension Dimension, FindingSeverity Severity, string Message, string FixHint, int? Cwe);

    private sealed record JsonFile(string Path, string Language, int CodeLines, double Overall, IReadOnlyList<JsonScore> Dimensions);

    private sealed record JsonFunction(
        string File, string Name, int Line, int CyclomaticComplexity, int? CognitiveComplexity, int MaxNestingDepth, int CodeLines, int Parameters);

    private sealed record JsonValidation(bool Passed, IReadOnlyList<JsonCommand> Commands);

    private sealed record JsonCommand(
        string Name, ValidationKind Kind, string Command, string Result, int? ExitCode, long DurationMs, JsonTests? Tests, IReadOnlyList<JsonFinding> Findings);

    private sealed record JsonTests(int Passed, int Failed, int Skipped, IReadOnlyList<JsonTestFailure> Failures);

    private sealed record JsonTestFailure(string Name, string Message);
}
