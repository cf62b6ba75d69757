namespace CodegenBot.Core.Quality.Output;

/// <summary>
/// Names and one-line descriptions of the rules, for SARIF's rule metadata (the description is shown at the top
/// of a code-scanning alert). A rule without an entry gets a generic description from its dimension and no name
/// (SARIF wants a name that differs from the id, or none); its findings still carry their own message and fix hint.
/// </summary>
internal static class RuleDescriptions
{
    private static readonly Dictionary<string, (string Name, string Description)> Known = new(StringComparer.Ordinal)
    {
        [LimitRules.LongLines] = ("LongLine", "Lines longer than the language's limit"),
        [LimitRules.Naming] = ("NamingConvention", "Name breaks the language's naming convention"),
        [LimitRules.Cyclomatic] = ("CyclomaticComplexity", "Cyclomatic complexity above the limit"),
        [LimitRules.Cognitive] = ("CognitiveComplexity", "Cognitive complexity above the limit"),
        [LimitRules.Nesting] = ("DeepNesting", "Control structures nested deeper than the limit"),
        [LimitRules.Length] = ("LongFunction", "Function longer than the limit"),
        [LimitRules.Parameters] = ("TooManyParameters", "More parameters than the limit"),
        [LimitRules.Maintainability] = ("LowMaintainabilityIndex", "Maintainability index below the limit"),
        [LimitRules.Coupling] = ("HighClassCoupling", "Class coupling above the limit"),
        [LimitRules.Inheritance] = ("DeepInheritance", "Inheritance deeper than the limit"),
        [LimitRules.Syntax] = ("SyntaxError", "Syntax error"),
        [LimitRules.Undocumented] = ("UndocumentedPublicApi", "Public API without a doc comment"),
        [LimitRules.Untested] = ("UntestedChange", "Changed code without tests"),
    };

    /// <summary>The rule's PascalCase name, or null when it has none of its own.</summary>
    public static string? NameOf(string ruleId) => Known.TryGetValue(ruleId, out var rule) ? rule.Name : null;

    /// <summary>The description of <paramref name="ruleId"/>, or a generic one naming its dimension.</summary>
    public static string Of(string ruleId, QualityDimension dimension) =>
        Known.TryGetValue(ruleId, out var rule) ? rule.Description : $"{dimension} rule {ruleId}";
}
