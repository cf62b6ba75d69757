using System.Text.RegularExpressions;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// CG4003, C#: a local that holds a lazy sequence (declared <c>IEnumerable&lt;T&gt;</c>, or <c>var</c> bound to a
/// LINQ query not materialised) enumerated twice in the same block: each enumeration reruns the query. Kept
/// conservative: a local that is reassigned is skipped, and only terminal operations and foreach count.
/// </summary>
internal sealed partial class RepeatedEnumerationRule : IQualityRule
{
    /// <summary>The rule id.</summary>
    public const string RuleId = "CG4003";

    /// <summary>The benchmark family.</summary>
    public const string FamilyName = "repeated-enumeration";

    /// <inheritdoc/>
    public string Id => RuleId;

    /// <inheritdoc/>
    public QualityDimension Dimension => QualityDimension.Performance;

    /// <inheritdoc/>
    public bool AppliesTo(string language) => language == "csharp";

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(SourceFile file, MaskedSource masked, FileAnalysis analysis)
    {
        if (TestCoverage.IsTest(analysis))
        {
            return []; // test fixtures hold dummy secrets and deliberately naive code
        }

        var s = masked.Structure;
        var findings = new List<Finding>();
        foreach (Match declaration in LazyLocal().Matches(s))
        {
            var name = declaration.Groups["name"].Value;
            var blockEnd = BlockEnd(s, declaration.Index);
            var statementEnd = s.IndexOf(';', declaration.Index);
            if (statementEnd < 0 || statementEnd > blockEnd)
            {
                continue;
            }

            if (declaration.Groups["query"].Success && !LazyTail().IsMatch(s[declaration.Index..statementEnd]))
            {
                continue;
            }

            var scope = s[(statementEnd + 1)..blockEnd];
            var escaped = Regex.Escape(name);
            if (Regex.IsMatch(scope, $@"(?<![\w.]){escaped}\s*(?:=(?!=)|\?\?=)|\bref\s+{escaped}\b|\bout\s+{escaped}\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                continue;
            }

            var uses = Regex.Matches(
                scope,
                $@"\bforeach\s*\([^;]*?\bin\s+(?<at>{escaped})\s*\)|(?<![\w.])(?<at>{escaped})\s*\.\s*(?:Count|Any|All|First|FirstOrDefault|Last|LastOrDefault|Single|SingleOrDefault|Sum|Min|Max|Average|ToList|ToArray|ToDictionary|ToHashSet|Contains|ElementAt|Aggregate|SequenceEqual|LongCount)\s*\(",
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
            if (uses.Count < 2)
            {
                continue;
            }

            var first = masked.Position(statementEnd + 1 + uses[0].Groups["at"].Index).Line;
            var (line, column) = masked.Position(statementEnd + 1 + uses[1].Groups["at"].Index);
            findings.Add(new Finding
            {
                File = file.Path,
                Line = line,
                Column = column,
                RuleId = RuleId,
                Dimension = QualityDimension.Performance,
                Severity = FindingSeverity.Warning,
                Message = $"the lazy sequence '{name}' is enumerated again here (first at line {first}); the query runs twice",
                FixHint = $"materialise it once: var {name} = ...ToList(); (or ToArray()) and use the list",
            });
        }

        return findings;
    }

    private static int BlockEnd(string s, int from)
    {
        var depth = 0;
        for (var k = from; k < s.Length; k++)
        {
            if (s[k] == '{')
            {
                depth++;
            }
            else if (s[k] == '}' && --depth < 0)
            {
                return k;
            }
        }

        return s.Length;
    }

    [GeneratedRegex(@"(?:\bIEnumerable<[^;=()]*?>\s+(?<name>[A-Za-z_]\w*)\s*=(?!=)|\bvar\s+(?<name>[A-Za-z_]\w*)\s*=(?<query>)(?!=))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LazyLocal();

    // A var bound to a query: the statement ends with a deferred LINQ operator.
    [GeneratedRegex(@"\.\s*(?:Where|Select|SelectMany|OrderBy|OrderByDescending|ThenBy|Skip|Take|Distinct|Concat|Union|Except|Intersect|GroupBy|Cast|OfType|Reverse|Zip|Join)\s*(?:<[^>]*>)?\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LazyTail();
}
