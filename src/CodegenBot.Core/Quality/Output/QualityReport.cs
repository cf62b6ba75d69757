using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Validation;

namespace CodegenBot.Core.Quality.Output;

/// <summary>
/// What every output format renders: an assessment, the validation commands run beside it (if any) and the
/// revision the assessed changes are measured against (if any).
/// </summary>
internal sealed record QualityReport
{
    /// <summary>Functions listed in the "worst functions" tables.</summary>
    public const int WorstFunctionCount = 5;

    /// <summary>The assessment.</summary>
    public required QualityAssessment Assessment { get; init; }

    /// <summary>The repository's own build, test and lint commands, when they were run.</summary>
    public ValidationRun? Validation { get; init; }

    /// <summary>The revision changes were taken from (<c>--changed-since</c>); null when whole files were assessed.</summary>
    public string? BaseRef { get; init; }

    /// <summary>Whether every validation command passed; a program that is not installed is reported, not failed.</summary>
    public bool ValidationPassed => Validation is null || Validation.Commands.All(c => c.Result.Succeeded || c.Result.NotFound);

    /// <summary>Whether the assessment reached its thresholds and validation (if run) passed.</summary>
    public bool Passed => Assessment.Passed && ValidationPassed;

    /// <summary>The most complex functions: by cyclomatic, then cognitive complexity, then place.</summary>
    public IReadOnlyList<(string File, FunctionMetrics Function)> WorstFunctions(int count = WorstFunctionCount) =>
        Assessment.Files
            .SelectMany(f => f.Functions.Select(fn => (File: f.Path, Function: fn)))
            .OrderByDescending(x => x.Function.CyclomaticComplexity)
            .ThenByDescending(x => x.Function.CognitiveComplexity ?? 0)
            .ThenBy(x => x.File, StringComparer.Ordinal)
            .ThenBy(x => x.Function.Line)
            .Take(count)
            .ToList();

    /// <summary>How a validation command ended, in words (<c>passed</c>, <c>failed (exit 1)</c>, <c>timed out</c>, <c>not installed</c>).</summary>
    public static string Describe(CommandResult result) =>
        result.NotFound ? "not installed"
        : result.TimedOut ? "timed out"
        : result.Succeeded ? "passed"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"failed (exit {result.ExitCode})");
}
