using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Python naming: functions and methods (dunder methods aside) snake_case, classes PascalCase.</summary>
internal sealed partial class PythonNamingAnalyzer : IPatternAnalyzer
{
    private const string Language = "python";

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var files = sample.Of(Language);
        var note = sample.Note(Language);
        var functions = files.SelectMany(f => f.Matches(Function())).Select(m => m.Groups[1].Value)
            .Where(n => !(n.StartsWith("__", StringComparison.Ordinal) && n.EndsWith("__", StringComparison.Ordinal))).ToList();
        var classes = files.SelectMany(f => f.Matches(Class())).Select(m => m.Groups[1].Value).ToList();
        CodePattern?[] patterns =
        [
            NamingConventions.Dominant("python functions", "functions", functions, [NamingConventions.Snake, NamingConventions.Camel, NamingConventions.Pascal], note),
            NamingConventions.Dominant("python classes", "classes", classes, [NamingConventions.Pascal, NamingConventions.Snake], note),
        ];
        return patterns.OfType<CodePattern>();
    }

    [GeneratedRegex(@"^[ \t]*(?:async\s+)?def\s+([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex Function();

    [GeneratedRegex(@"^[ \t]*class\s+([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex Class();
}
