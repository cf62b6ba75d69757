using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>TypeScript and JavaScript naming: functions (declarations and arrow functions bound to a name) camelCase, classes PascalCase.</summary>
internal sealed partial class ScriptNamingAnalyzer : IPatternAnalyzer
{
    private static readonly string[] Languages = ["typescript", "javascript"];

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        foreach (var language in Languages)
        {
            var files = sample.Of(language);
            var note = sample.Note(language);
            var functions = files.SelectMany(f => f.Matches(Function())).Select(m => m.Groups["name"].Value).ToList();
            var classes = files.SelectMany(f => f.Matches(Class())).Select(m => m.Groups[1].Value).ToList();
            CodePattern?[] patterns =
            [
                NamingConventions.Dominant($"{language} functions", "functions", functions, [NamingConventions.Camel, NamingConventions.Pascal, NamingConventions.Snake], note),
                NamingConventions.Dominant($"{language} classes", "classes", classes, [NamingConventions.Pascal, NamingConventions.Camel], note),
            ];
            foreach (var pattern in patterns.OfType<CodePattern>())
            {
                yield return pattern;
            }
        }
    }

    [GeneratedRegex(@"\bfunction\s*\*?\s*(?<name>[A-Za-z_$][\w$]*)\s*[<(]|\b(?:const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*(?:async\s+)?(?:function\b|(?:\([^()\n]*\)|[A-Za-z_$][\w$]*)\s*(?::\s*[^=\n]+)?=>)")]
    private static partial Regex Function();

    [GeneratedRegex(@"\bclass\s+([A-Za-z_$][\w$]*)")]
    private static partial Regex Class();
}
