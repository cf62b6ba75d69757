using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Java naming: methods (with at least one modifier) camelCase, classes, interfaces and enums PascalCase.</summary>
internal sealed partial class JavaNamingAnalyzer : IPatternAnalyzer
{
    private const string Language = "java";

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var files = sample.Of(Language);
        var note = sample.Note(Language);
        var methods = files.SelectMany(f => f.Matches(Method())).Where(m => m.Groups["type"].Value is not ("new" or "return" or "class"))
            .Select(m => m.Groups["name"].Value).ToList();
        var types = files.SelectMany(f => f.Matches(Type())).Select(m => m.Groups[1].Value).ToList();
        CodePattern?[] patterns =
        [
            NamingConventions.Dominant("java methods", "methods", methods, [NamingConventions.Camel, NamingConventions.Pascal, NamingConventions.Snake], note),
            NamingConventions.Dominant("java types", "types", types, [NamingConventions.Pascal, NamingConventions.Camel], note),
        ];
        return patterns.OfType<CodePattern>();
    }

    [GeneratedRegex(@"^[ \t]*(?:(?:public|private|protected|static|final|abstract|synchronized|native|default)\s+)+(?:<[^>\n]+>\s+)?(?<type>[\w.\[\]]+(?:<[^()\n;{}=]*?>)?[\w.\[\]]*)\s+(?<name>[A-Za-z_]\w*)\s*\(", RegexOptions.Multiline)]
    private static partial Regex Method();

    [GeneratedRegex(@"\b(?:class|interface|enum|record)\s+([A-Za-z_]\w*)")]
    private static partial Regex Type();
}
