namespace CodegenBot.Core.Quality.Output;

/// <summary>
/// One-line descriptions of the rules, for SARIF's rule metadata (shown at the top of a code-scanning alert).
/// Rules without an entry get a generic description from their dimension; their findings still carry their own
/// message and fix hint.
/// </summary>
internal static class RuleDescriptions
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [LimitRules.LongLines] = "Lines longer than the language's limit",
        [LimitRules.Naming] = "Name breaks the language's naming convention",
        [LimitRules.Cyclomatic] = "Cyclomatic complexity above the limit",
        [LimitRules.Cognitive] = "Cognitive complexity above the limit",
        [LimitRules.Nesting] = "Control structures nested deeper than the limit",
        [LimitRules.Length] = "Function longer than the limit",
        [LimitRules.Parameters] = "More parameters than the limit",
        [LimitRules.Maintainability] = "Maintainability index below the limit",
        [LimitRules.Coupling] = "Class coupling above the limit",
        [LimitRules.Inheritance] = "Inheritance deeper than the limit",
        [LimitRules.Syntax] = "Syntax error",
        [LimitRules.Undocumented] = "Public API without a doc comment",
        [LimitRules.Untested] = "Changed code without tests",
    };

    /// <summary>The description of <paramref name="ruleId"/>, or a generic one naming its dimension.</summary>
    public static string Of(string ruleId, QualityDimension dimension) =>
        Known.GetValueOrDefault(ruleId) ?? $"{dimension} rule {ruleId}";
}
