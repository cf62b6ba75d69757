using System.Globalization;
using System.Text;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Bench.Rules;

/// <summary>
/// Runs the shipped security and performance rules over a real source tree: findings per rule and a reproducible
/// sample of findings with their source line, for a manual precision estimate.
/// </summary>
internal static class RuleScan
{
    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", "dist", "build", "vendor", ".git", "Corpus"];

    /// <summary>The findings in every source file under the root.</summary>
    public static List<(Finding Finding, string Text)> Scan(string root)
    {
        var rules = RuleCatalog.All();
        var results = new List<(Finding, string)>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (RuleCorpus.LanguageOf(path) is not { } language || relative.Split('/').Any(p => SkippedFolders.Contains(p, StringComparer.Ordinal)) || new FileInfo(path).Length > 512 * 1024)
            {
                continue;
            }

            var content = File.ReadAllText(path);
            var lines = content.Split('\n');
            foreach (var finding in RuleCorpus.Check(rules, relative, language, content))
            {
                results.Add((finding, lines[finding.Line - 1].Trim()));
            }
        }

        return results;
    }

    /// <summary>Counts per rule, then <paramref name="sample"/> findings, evenly spaced, in full.</summary>
    public static string Summarise(string root, List<(Finding Finding, string Text)> results, int sample)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{root}: {results.Count} findings");
        foreach (var group in results.GroupBy(r => r.Finding.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key} {RuleCatalog.FamilyOf(group.Key),-24} {group.Count(),5}");
        }

        var step = Math.Max(1, results.Count / Math.Max(1, sample));
        for (var i = 0; i < results.Count && sample > 0; i += step)
        {
            var (f, line) = results[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"  sample: {f.File}:{f.Line}:{f.Column} {f.RuleId} {f.Message} | {(line.Length > 160 ? line[..160] : line)}");
        }

        return text.ToString();
    }
}
