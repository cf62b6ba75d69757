using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// <c>Gemfile</c>: <c>gem 'name', 'constraint', …</c> (several constraints joined with commas); gems inside a <c>group :test</c> or <c>group :development</c>
/// block, or with a <c>group:</c>/<c>groups:</c> option naming them, are development.
/// </summary>
internal sealed partial class GemfileParser : IManifestParser
{
    public const string Ecosystem = "rubygems";

    /// <summary>Bundler groups whose gems are development-only.</summary>
    private static readonly string[] DevelopmentGroups = [":test", ":development"];

    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "Gemfile";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var result = new List<Dependency>();
        var blocks = new Stack<bool>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line == "end" && blocks.Count > 0)
            {
                blocks.Pop();
            }
            else if (BlockStart().IsMatch(line))
            {
                blocks.Push(blocks.Any(b => b) || (line.StartsWith("group", StringComparison.Ordinal) && IsDevelopment(line)));
            }
            else if (Gem().Match(line) is { Success: true } gem)
            {
                var versions = gem.Groups["version"].Captures.Select(c => c.Value).ToList();
                var options = line[gem.Length..];
                var development = blocks.Any(b => b) || (GroupOption().IsMatch(options) && IsDevelopment(options));
                result.Add(new Dependency(Ecosystem, gem.Groups["name"].Value, versions.Count == 0 ? null : string.Join(",", versions), path, development));
            }
        }

        return result;
    }

    private static bool IsDevelopment(string text) => DevelopmentGroups.Any(g => text.Contains(g, StringComparison.Ordinal) || text.Contains($"\"{g[1..]}\"", StringComparison.Ordinal));

    [GeneratedRegex(@"\bdo(\s*\|[^|]*\|)?$")]
    private static partial Regex BlockStart();

    [GeneratedRegex("""^gem\s*\(?\s*["'](?<name>[^"']+)["'](?:\s*,\s*["'](?<version>[~<>=!]*\s*[\d][^"']*)["'])*""")]
    private static partial Regex Gem();

    [GeneratedRegex(@"\bgroups?\s*:|:groups?\s*=>")]
    private static partial Regex GroupOption();
}
