using YamlDotNet.Serialization;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// The shipped rules: the pattern rules of every <c>config/rules/*.yaml</c> and the rules that are code. Loaded
/// once; the pattern rules' expressions are compiled when loaded.
/// </summary>
internal static class RuleCatalog
{
    private const string Folder = "config/rules/";

    private static readonly Lazy<IReadOnlyList<PatternRule>> Shipped = new(() => Load(ShippedResources.List(Folder).Select(ShippedResources.Read)));

    /// <summary>The pattern rules shipped in <c>config/rules/</c>.</summary>
    public static IReadOnlyList<PatternRule> PatternRules => Shipped.Value;

    /// <summary>Every shipped rule: the pattern rules and the coded ones.</summary>
    public static IReadOnlyList<IQualityRule> All() =>
        [.. PatternRules, new HardcodedSecretRule(), new StringConcatenationInLoopRule(), new RepeatedEnumerationRule()];

    /// <summary>The family of a rule id (sql-injection, hard-coded-secret), for reports and benchmarks.</summary>
    public static string FamilyOf(string ruleId) =>
        PatternRules.FirstOrDefault(r => r.Id == ruleId)?.Family ?? ruleId switch
        {
            HardcodedSecretRule.RuleId => HardcodedSecretRule.FamilyName,
            StringConcatenationInLoopRule.RuleId => StringConcatenationInLoopRule.FamilyName,
            RepeatedEnumerationRule.RuleId => RepeatedEnumerationRule.FamilyName,
            _ => ruleId,
        };

    /// <summary>Parses rule files; a duplicate id or a bad expression throws naming the rule.</summary>
    public static IReadOnlyList<PatternRule> Load(IEnumerable<string> yamlFiles)
    {
        var deserializer = new DeserializerBuilder().Build();
        var rules = new List<PatternRule>();
        foreach (var yaml in yamlFiles)
        {
            var file = deserializer.Deserialize<RuleFile?>(yaml) ?? new RuleFile();
            rules.AddRange(file.Rules.Select(d => new PatternRule(d)));
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? rules : throw new InvalidOperationException($"Rule {duplicate.Key} is defined more than once in {Folder}.");
    }
}
