using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Go naming (test files apart): functions and methods MixedCaps (no underscores), and the share that is exported.</summary>
internal sealed partial class GoNamingAnalyzer : IPatternAnalyzer
{
    private const string Language = "go";

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var note = sample.Note(Language);
        var functions = sample.Of(Language).Where(f => !f.IsTest).SelectMany(f => f.Matches(Function())).Select(m => m.Groups[1].Value)
            .Where(n => n != "main" && n != "init").ToList();
        if (functions.Count < NamingConventions.MinNames)
        {
            yield break;
        }

        var mixed = functions.Count(n => !n.Contains('_', StringComparison.Ordinal));
        yield return new CodePattern("naming", "go functions MixedCaps", NamingConventions.Evidence(mixed, functions.Count, "functions", note), NamingConventions.Share(mixed, functions.Count));
        var exported = functions.Count(n => char.IsUpper(n[0]));
        yield return new CodePattern("naming", "go functions exported", NamingConventions.Evidence(exported, functions.Count, "functions", note), NamingConventions.Share(exported, functions.Count));
    }

    [GeneratedRegex(@"^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex Function();
}
