using System.Text.RegularExpressions;
using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Context;

/// <summary>
/// Turns the team's instruction files and configuration into explicit standards for the prompt: the
/// configuration's <c>team:</c> lists first, then the bullet points of AGENTS.md, CLAUDE.md,
/// .github/copilot-instructions.md and CONTRIBUTING.md (headings give them context), then the .editorconfig rules
/// for the languages of the repository, in plain words.
/// </summary>
internal static partial class TeamStandards
{
    public static IReadOnlyList<string> Summarise(TeamOptions team, IReadOnlyList<TeamDocument> documents)
    {
        var standards = new List<string>();
        standards.AddRange(team.Standards);
        standards.AddRange(team.PreferredPatterns.Select(p => $"Preferred: {p}"));
        standards.AddRange(team.TestingRequirements.Select(t => $"Testing: {t}"));

        var extracted = documents.Where(d => d.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .SelectMany(d => Bullets(d.Content))
            .Concat(documents.Where(d => d.Path == ".editorconfig").SelectMany(d => EditorConfigRules(d.Content)))
            .Distinct(StringComparer.Ordinal)
            .Take(team.MaxExtractedStandards);
        standards.AddRange(extracted);
        return standards.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Bullet points, prefixed with the heading they stand under ("Testing: use xunit").</summary>
    private static IEnumerable<string> Bullets(string markdown)
    {
        var heading = "";
        var inFence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (Heading().Match(line) is { Success: true } h)
            {
                heading = h.Groups["text"].Value.Trim();
            }
            else if (Bullet().Match(line) is { Success: true } b && b.Groups["text"].Value.Length >= 8)
            {
                var text = b.Groups["text"].Value.Trim();
                yield return heading.Length == 0 ? text : $"{heading}: {text}";
            }
        }
    }

    /// <summary><c>[*.cs]</c> + <c>indent_size = 4</c> → "*.cs: indent_size = 4".</summary>
    private static IEnumerable<string> EditorConfigRules(string content)
    {
        var section = "";
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
            }
            else if (section.Length > 0 && EditorConfigKey().Match(line) is { Success: true } m)
            {
                yield return $"{section}: {m.Groups["key"].Value} = {m.Groups["value"].Value}";
            }
        }
    }

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]|\d+\.)\s+(?<text>.+)$")]
    private static partial Regex Bullet();

    /// <summary>The .editorconfig keys worth telling a model (style, not analyzer severities).</summary>
    [GeneratedRegex(@"^(?<key>indent_style|indent_size|end_of_line|charset|insert_final_newline|max_line_length|quote_type|csharp_style_namespace_declarations|dotnet_sort_system_directives_first)\s*=\s*(?<value>[^#;]+?)\s*$")]
    private static partial Regex EditorConfigKey();
}
