using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality;

/// <summary>
/// The rules every language shares, applied to what its analyzer measured: metric limits from
/// <c>thresholds</c> in the language's configuration, documentation of public API, long lines.
/// </summary>
internal static class LimitRules
{
    /// <summary>Lines longer than the language's limit (one finding per file, at the first).</summary>
    public const string LongLines = "CG1001";

    /// <summary>A name that breaks the language's convention (made by the language analyzers).</summary>
    public const string Naming = "CG1002";

    /// <summary>Cyclomatic complexity above the limit.</summary>
    public const string Cyclomatic = "CG2001";

    /// <summary>Cognitive complexity above the limit.</summary>
    public const string Cognitive = "CG2002";

    /// <summary>Nesting deeper than the limit.</summary>
    public const string Nesting = "CG2003";

    /// <summary>Function longer than the limit.</summary>
    public const string Length = "CG2004";

    /// <summary>More parameters than the limit.</summary>
    public const string Parameters = "CG2005";

    /// <summary>Maintainability index below the limit.</summary>
    public const string Maintainability = "CG2006";

    /// <summary>Class coupling above the limit.</summary>
    public const string Coupling = "CG2007";

    /// <summary>Inheritance deeper than the limit.</summary>
    public const string Inheritance = "CG2008";

    /// <summary>A syntax error found by a tokenizer-level analyzer (compilers' own ids are kept where there is one).</summary>
    public const string Syntax = "CG3001";

    /// <summary>Public API without a doc comment.</summary>
    public const string Undocumented = "CG6001";

    /// <summary>Changed code without tests.</summary>
    public const string Untested = "CG7001";

    public static IEnumerable<Finding> Apply(FileAnalysis analysis, LanguageOptions language, string content)
    {
        var limits = language.Thresholds;
        foreach (var f in analysis.Functions)
        {
            if (f.CyclomaticComplexity > limits.MaxCyclomaticComplexity)
            {
                yield return Metric(analysis, f, Cyclomatic, $"{f.Name} has cyclomatic complexity {f.CyclomaticComplexity} (limit {limits.MaxCyclomaticComplexity})",
                    "split the decisions into smaller functions or replace conditionals with lookups");
            }

            if (f.CognitiveComplexity > limits.MaxCognitiveComplexity)
            {
                yield return Metric(analysis, f, Cognitive, $"{f.Name} has cognitive complexity {f.CognitiveComplexity} (limit {limits.MaxCognitiveComplexity})",
                    "flatten nested conditions with early returns and extract the inner blocks");
            }

            if (f.MaxNestingDepth > limits.MaxNestingDepth)
            {
                yield return Metric(analysis, f, Nesting, $"{f.Name} nests {f.MaxNestingDepth} levels deep (limit {limits.MaxNestingDepth})",
                    "return early or extract the innermost block into a function");
            }

            if (f.CodeLines > limits.MaxFunctionLines)
            {
                yield return Metric(analysis, f, Length, $"{f.Name} is {f.CodeLines} lines of code long (limit {limits.MaxFunctionLines})",
                    "extract cohesive steps into named functions");
            }

            if (f.Parameters > limits.MaxParameters)
            {
                yield return Metric(analysis, f, Parameters, $"{f.Name} takes {f.Parameters} parameters (limit {limits.MaxParameters})",
                    "group related parameters into a type");
            }

            if (f.MaintainabilityIndex < limits.MinMaintainabilityIndex)
            {
                yield return Metric(analysis, f, Maintainability, $"{f.Name} has maintainability index {f.MaintainabilityIndex} (minimum {limits.MinMaintainabilityIndex})",
                    "reduce its size and complexity");
            }
        }

        foreach (var t in analysis.Types)
        {
            if (t.ClassCoupling > limits.MaxClassCoupling)
            {
                yield return TypeFinding(analysis, t, Coupling, $"{t.Name} depends on {t.ClassCoupling} types (limit {limits.MaxClassCoupling})",
                    "split its responsibilities so each part depends on fewer types");
            }

            if (t.DepthOfInheritance > limits.MaxDepthOfInheritance)
            {
                yield return TypeFinding(analysis, t, Inheritance, $"{t.Name} has inheritance depth {t.DepthOfInheritance} (limit {limits.MaxDepthOfInheritance})",
                    "prefer composition to deeper inheritance");
            }

            if (t.MaintainabilityIndex < limits.MinMaintainabilityIndex)
            {
                yield return TypeFinding(analysis, t, Maintainability, $"{t.Name} has maintainability index {t.MaintainabilityIndex} (minimum {limits.MinMaintainabilityIndex})",
                    "split the type and simplify its largest members");
            }
        }

        if (language.Documentation.RequirePublicApiDocs && !analysis.IsTest)
        {
            foreach (var symbol in analysis.PublicApi.Where(s => !s.Documented))
            {
                yield return new Finding
                {
                    File = analysis.Path,
                    Line = symbol.Line,
                    Column = symbol.Column,
                    RuleId = Undocumented,
                    Dimension = QualityDimension.Documentation,
                    Severity = FindingSeverity.Warning,
                    Message = $"public {symbol.Kind} {symbol.Name} has no doc comment",
                    FixHint = $"add a {DocStyle(language)} saying what it does and returns",
                };
            }
        }

        var longLine = LongLine(content, language.Style.MaxLineLength);
        if (longLine is { } found)
        {
            yield return new Finding
            {
                File = analysis.Path,
                Line = found.First,
                Column = language.Style.MaxLineLength + 1,
                RuleId = LongLines,
                Dimension = QualityDimension.Readability,
                Severity = FindingSeverity.Info,
                Message = found.Count == 1
                    ? $"line {found.First} is longer than {language.Style.MaxLineLength} characters"
                    : $"{found.Count} lines are longer than {language.Style.MaxLineLength} characters, the first at line {found.First}",
                FixHint = "wrap the long lines",
            };
        }
    }

    private static string DocStyle(LanguageOptions language) => language.Documentation.Style switch
    {
        "" => "doc comment",
        var style => style + " comment",
    };

    private static (int First, int Count)? LongLine(string content, int max)
    {
        int line = 0, first = 0, count = 0, start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i < content.Length && content[i] != '\n')
            {
                continue;
            }

            line++;
            var length = i - start - (i > start && content[i - 1] == '\r' ? 1 : 0);
            if (length > max)
            {
                count++;
                first = first == 0 ? line : first;
            }

            start = i + 1;
        }

        return count == 0 ? null : (first, count);
    }

    private static Finding Metric(FileAnalysis analysis, FunctionMetrics f, string rule, string message, string hint) =>
        MaintainabilityFinding(analysis, f.Line, f.Column, rule, message, hint);

    private static Finding TypeFinding(FileAnalysis analysis, TypeMetrics t, string rule, string message, string hint) =>
        MaintainabilityFinding(analysis, t.Line, t.Column, rule, message, hint);

    private static Finding MaintainabilityFinding(FileAnalysis analysis, int line, int column, string rule, string message, string hint) => new()
    {
        File = analysis.Path,
        Line = line,
        Column = column,
        RuleId = rule,
        Dimension = QualityDimension.Maintainability,
        Severity = FindingSeverity.Warning,
        Message = message,
        FixHint = hint,
    };
}
