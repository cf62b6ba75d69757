using YamlDotNet.Serialization;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>The rules of one file under <c>config/rules/</c>.</summary>
internal sealed class RuleFile
{
    /// <summary>The rules, in order.</summary>
    [YamlMember(Alias = "rules")]
    public List<RuleDefinition> Rules { get; set; } = [];
}

/// <summary>One pattern rule as written in YAML: what it reports and, per language, the patterns that find it.</summary>
internal sealed class RuleDefinition
{
    /// <summary>CG4xxx (performance) or CG5xxx (security).</summary>
    [YamlMember(Alias = "id")]
    public string Id { get; set; } = "";

    /// <summary>The family the benchmark groups it under (sql-injection, regex-in-loop).</summary>
    [YamlMember(Alias = "family")]
    public string Family { get; set; } = "";

    /// <summary>Security or Performance.</summary>
    [YamlMember(Alias = "dimension")]
    public QualityDimension Dimension { get; set; } = QualityDimension.Security;

    /// <summary>Default severity.</summary>
    [YamlMember(Alias = "severity")]
    public FindingSeverity Severity { get; set; } = FindingSeverity.Warning;

    /// <summary>CWE id, or null.</summary>
    [YamlMember(Alias = "cwe")]
    public int? Cwe { get; set; }

    /// <summary>
    /// Whether test files are checked too. Off by default: tests deliberately disable TLS, round-trip pickles and
    /// build fixtures in loops, and findings there are noise to the people reading the review.
    /// </summary>
    [YamlMember(Alias = "include_tests")]
    public bool IncludeTests { get; set; }

    /// <summary>The message; <c>{match}</c> is replaced by the matched text.</summary>
    [YamlMember(Alias = "message")]
    public string Message { get; set; } = "";

    /// <summary>Patterns and fix hint per language id.</summary>
    [YamlMember(Alias = "languages")]
    public Dictionary<string, LanguagePatterns> Languages { get; set; } = [];
}

/// <summary>The patterns of one rule in one language.</summary>
internal sealed class LanguagePatterns
{
    /// <summary>The concrete safe alternative in this language.</summary>
    [YamlMember(Alias = "fix")]
    public string Fix { get; set; } = "";

    /// <summary>A message for this language, replacing the rule's.</summary>
    [YamlMember(Alias = "message")]
    public string? Message { get; set; }

    /// <summary>Any one matching is a finding.</summary>
    [YamlMember(Alias = "patterns")]
    public List<PatternDefinition> Patterns { get; set; } = [];
}

/// <summary>One regular expression over the comment-free code, with the conditions a match must meet.</summary>
internal sealed class PatternDefinition
{
    /// <summary>The expression; a group named <c>at</c> sets the reported position.</summary>
    [YamlMember(Alias = "regex")]
    public string Regex { get; set; } = "";

    /// <summary>Each must match the statement holding the match.</summary>
    [YamlMember(Alias = "requires")]
    public List<string> Requires { get; set; } = [];

    /// <summary>None may match the statement holding the match.</summary>
    [YamlMember(Alias = "unless")]
    public List<string> Unless { get; set; } = [];

    /// <summary>
    /// Untrusted-input sources (taint-lite): when given, the statement must contain one of them, or a variable
    /// assigned from one earlier in the file.
    /// </summary>
    [YamlMember(Alias = "sources")]
    public List<string> Sources { get; set; } = [];

    /// <summary>Each must match the statement or the header of the enclosing function (its name, its parameters).</summary>
    [YamlMember(Alias = "requires_near")]
    public List<string> RequiresNear { get; set; } = [];

    /// <summary>None may match the statement or the header of the enclosing function.</summary>
    [YamlMember(Alias = "unless_near")]
    public List<string> UnlessNear { get; set; } = [];

    /// <summary>Each must match somewhere in the file.</summary>
    [YamlMember(Alias = "requires_file")]
    public List<string> RequiresFile { get; set; } = [];

    /// <summary>None may match anywhere in the file.</summary>
    [YamlMember(Alias = "unless_file")]
    public List<string> UnlessFile { get; set; } = [];

    /// <summary>Whether the reported position must lie in a string (<c>require</c>), must not (<c>forbid</c>, the default) or either (<c>any</c>).</summary>
    [YamlMember(Alias = "string")]
    public StringPlacement String { get; set; } = StringPlacement.Forbid;

    /// <summary>Whether the match must lie inside a loop body.</summary>
    [YamlMember(Alias = "in_loop")]
    public bool InLoop { get; set; }
}

/// <summary>Where a match may lie relative to string literals.</summary>
internal enum StringPlacement
{
    /// <summary>Outside string contents.</summary>
    Forbid,

    /// <summary>Inside string contents.</summary>
    Require,

    /// <summary>Anywhere.</summary>
    Any,
}
