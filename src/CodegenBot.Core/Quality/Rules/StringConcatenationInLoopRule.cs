using System.Text.RegularExpressions;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// CG4002, a string grown with <c>+=</c> (or <c>s = s + ...</c>) inside a loop: each step copies the whole
/// string, so the loop is quadratic. Reported only when the target is known to be a string (declared as one, or
/// given a string literal) and is declared outside the innermost loop (a string rebuilt per iteration is fine).
/// </summary>
internal sealed partial class StringConcatenationInLoopRule : IQualityRule
{
    /// <summary>The rule id.</summary>
    public const string RuleId = "CG4002";

    /// <summary>The benchmark family.</summary>
    public const string FamilyName = "string-concat-in-loop";

    private static readonly string[] Languages = ["csharp", "python", "javascript", "typescript", "go", "java"];

    /// <inheritdoc/>
    public string Id => RuleId;

    /// <inheritdoc/>
    public QualityDimension Dimension => QualityDimension.Performance;

    /// <inheritdoc/>
    public bool AppliesTo(string language) => Languages.Contains(language, StringComparer.Ordinal);

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(SourceFile file, MaskedSource masked, FileAnalysis analysis)
    {
        var scopes = SourceScopes.Of(masked, file.Language);
        if (scopes.Loops.Count == 0 || TestCoverage.IsTest(analysis))
        {
            return [];
        }

        var findings = new List<Finding>();
        foreach (Match m in Append().Matches(masked.Structure))
        {
            var name = m.Groups["name"].Value;
            if (m.Groups["self"].Success && m.Groups["self"].Value != name)
            {
                continue;
            }

            var at = m.Groups["name"].Index;
            if (scopes.LoopAt(at) is not { } loop)
            {
                continue;
            }

            // The declaration counts only in the same function (another method's local of the same name is not this one).
            var from = scopes.FunctionHeader(at)?.Start ?? 0;
            var declaration = Declaration(file.Language, name, masked.Structure, from, at);
            var declaredInLoop = declaration is { } d && d >= loop.Start && d < loop.End;
            var stringRhs = StringStart().IsMatch(masked.Structure[m.Groups["rhs"].Index..Math.Min(masked.Structure.Length, m.Groups["rhs"].Index + 200)]);
            var declaredString = declaration is not null;
            if (declaredInLoop || !(declaredString || stringRhs))
            {
                continue;
            }

            var (line, column) = masked.Position(at);
            findings.Add(new Finding
            {
                File = file.Path,
                Line = line,
                Column = column,
                RuleId = RuleId,
                Dimension = QualityDimension.Performance,
                // JavaScript engines (ropes) and CPython (in-place resize) make += cheap in practice: worth knowing there.
                Severity = file.Language is "csharp" or "java" or "go" ? FindingSeverity.Warning : FindingSeverity.Info,
                Message = $"string '{name}' is concatenated inside a loop (each step copies the whole string)",
                FixHint = Fix(file.Language),
            });
        }

        return findings;
    }

    private static string Fix(string language) => language switch
    {
        "csharp" => "append to a StringBuilder (or collect the parts and string.Join/string.Concat them once)",
        "java" => "append to a StringBuilder declared before the loop and call toString() once",
        "python" => "collect the parts in a list and ''.join(parts) once after the loop (or use io.StringIO)",
        "go" => "write to a strings.Builder (b.WriteString) and call b.String() once",
        _ => "push the parts into an array and join('') once after the loop",
    };

    // The offset of the last declaration of the name as a string before the offset, or null when none is found.
    private static int? Declaration(string language, string name, string structure, int from, int before)
    {
        var escaped = Regex.Escape(name);
        var pattern = language switch
        {
            "csharp" => $@"(?:\bstring\??\s+{escaped}\b|\bvar\s+{escaped}\s*=\s*(?:[$@]*""|string\.Empty\b))",
            "java" => $@"\bString\s+{escaped}\b",
            "go" => $@"(?:\bvar\s+{escaped}\s+string\b|\b{escaped}\s*:=\s*[""`]|\bvar\s+{escaped}\s*=\s*[""`])",
            "python" => $@"(?:^|[^\w.])(?<!\.){escaped}\s*(?::\s*str\s*)?=\s*(?:[rRuUfF]{{0,2}}[""']|str\()",
            _ => $@"(?:\b(?:let|var)\s+{escaped}\s*(?::\s*string\s*)?=\s*[""'`]|\b(?:let|var)\s+{escaped}\s*:\s*string\b)",
        };
        int? last = null;
        foreach (Match m in Regex.Matches(structure[from..before], pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            last = from + m.Index;
        }

        return last;
    }

    // x += rhs   or   x = x + rhs
    [GeneratedRegex(@"(?<![\w$.])(?<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\s*(?:\+=|=\s*(?<self>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\s*\+(?!\+))\s*(?<rhs>)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Append();

    [GeneratedRegex(@"^\s*(?:[$@]{0,2}""|'|`|[fFrRbB]{1,2}[""'])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StringStart();
}
