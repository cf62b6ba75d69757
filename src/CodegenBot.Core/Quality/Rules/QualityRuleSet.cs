using System.Collections;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// The quality rules the assessor and the pipeline run: every <see cref="IQualityRule"/> registered (the coded rules,
/// plug-ins) followed by the shipped pattern rules (<see cref="RuleCatalog.PatternRules"/>), which are parsed on first
/// use. Commands that never assess (<c>codegen context</c>) then never pay for parsing and compiling them (about 0.1 s of
/// start-up: YAML and regular expressions).
/// </summary>
internal sealed class QualityRuleSet(IEnumerable<IQualityRule> registered) : IEnumerable<IQualityRule>
{
    private readonly Lazy<IReadOnlyList<IQualityRule>> _rules = new(() => [.. registered, .. RuleCatalog.PatternRules]);

    public IEnumerator<IQualityRule> GetEnumerator() => _rules.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
