using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Languages;
using CodegenBot.Core.Context.Ranking;

namespace CodegenBot.Core.Context.Codebase;

/// <summary>
/// A short profile of the repository for the prompt, measured from the index: languages by lines, projects and
/// their package dependencies (.csproj, package.json), test files and frameworks. (Python, Go, Java and other
/// manifests, and measured conventions, are not covered yet.)
/// </summary>
internal static class CodebaseProfile
{
    /// <summary>Languages listed, largest first.</summary>
    private const int MaxLanguages = 8;

    /// <summary>Dependencies listed per project.</summary>
    private const int MaxDependencies = 12;

    /// <summary>Test frameworks recognised from package names.</summary>
    private static readonly string[] TestFrameworks = ["xunit", "nunit", "mstest", "vitest", "jest", "mocha", "pytest"];

    public static string ToMarkdown(RepositoryAnalysis analysis, Func<string, string?> read)
    {
        var builder = new StringBuilder();
        var languages = analysis.Files.Where(f => LanguageDetector.IsSourceCode(f.File.Language))
            .GroupBy(f => f.File.Language!)
            .Select(g => (Language: g.Key, Files: g.Count(), Lines: g.Sum(f => f.File.Lines)))
            .OrderByDescending(l => l.Lines).ThenBy(l => l.Language, StringComparer.Ordinal)
            .Take(MaxLanguages).ToList();
        if (languages.Count > 0)
        {
            builder.Append("Languages: ").AppendJoin(", ", languages.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Language} {l.Files} files / {l.Lines} lines"))).Append('\n');
        }

        foreach (var file in analysis.Files.Select(f => f.File.Path))
        {
            var dependencies = file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? CsprojPackages(read(file))
                : Path.GetFileName(file) == "package.json" ? NpmPackages(read(file))
                : null;
            if (dependencies is null)
            {
                continue;
            }

            var framework = TestFrameworks.FirstOrDefault(t => dependencies.Any(d => d.Contains(t, StringComparison.OrdinalIgnoreCase)));
            builder.Append("- `").Append(file).Append('`');
            if (framework is not null)
            {
                builder.Append(" (tests: ").Append(framework).Append(')');
            }

            if (dependencies.Count > 0)
            {
                builder.Append(": ").AppendJoin(", ", dependencies.Take(MaxDependencies));
                if (dependencies.Count > MaxDependencies)
                {
                    builder.Append(", ...");
                }
            }

            builder.Append('\n');
        }

        var tests = analysis.Files.Count(f => TestPairing.TestSubject(Path.GetFileName(f.File.Path)) is not null);
        if (tests > 0)
        {
            builder.Append("Test files: ").Append(tests.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }

    private static List<string>? CsprojPackages(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "PackageReference")
                .Select(e => (string?)e.Attribute("Include")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static List<string>? NpmPackages(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return ((string[])["dependencies", "devDependencies"])
                .Where(k => json.RootElement.TryGetProperty(k, out var section) && section.ValueKind == JsonValueKind.Object)
                .SelectMany(k => json.RootElement.GetProperty(k).EnumerateObject().Select(p => p.Name))
                .Distinct(StringComparer.Ordinal).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
