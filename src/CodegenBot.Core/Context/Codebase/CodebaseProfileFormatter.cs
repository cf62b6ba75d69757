using System.Globalization;

namespace CodegenBot.Core.Context.Codebase;

/// <summary>A compact Markdown summary of a <see cref="CodebaseProfile"/> for the prompt.</summary>
internal static class CodebaseProfileFormatter
{
    /// <summary>Languages named on the languages line; the rest are counted.</summary>
    public const int MaxLanguages = 6;

    /// <summary>Projects listed one per line; the rest are counted.</summary>
    public const int MaxProjects = 15;

    /// <summary>Runtime dependencies named per ecosystem; the rest are counted.</summary>
    public const int MaxDependenciesPerEcosystem = 12;

    /// <summary>Pattern categories in display order, with their labels.</summary>
    private static readonly (string Category, string Label)[] Categories =
    [
        ("naming", "Conventions"), ("formatting", "Formatting"), ("async", "Async"), ("di", "DI"), ("errors", "Errors"), ("architecture", "Architecture"),
    ];

    public static string ToMarkdown(CodebaseProfile profile, int maxLines = 60)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var lines = new List<string>();
        AddLanguages(profile.Languages, lines);
        AddProjects(profile.Projects, lines);
        AddDependencies(profile.Dependencies, lines);
        foreach (var (category, label) in Categories)
        {
            // Architecture evidence names the folders, which says more than a share.
            var patterns = profile.Patterns.Where(p => p.Category == category)
                .Select(p => category == "architecture" ? $"{p.Name} ({p.Evidence})" : $"{p.Name} ({Percent(p.Share)})").ToList();
            if (patterns.Count > 0)
            {
                lines.Add($"{label}: {string.Join(", ", patterns)}");
            }
        }

        if (profile.QualitySignals.Count > 0)
        {
            lines.Add($"Quality: {string.Join("; ", profile.QualitySignals)}");
        }

        if (lines.Count > maxLines)
        {
            var cut = lines.Count - maxLines + 1;
            lines = [.. lines.Take(maxLines - 1), string.Create(CultureInfo.InvariantCulture, $"({cut} more lines cut)")];
        }

        return lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
    }

    private static void AddLanguages(IReadOnlyList<LanguageShare> languages, List<string> lines)
    {
        if (languages.Count == 0)
        {
            return;
        }

        var totalLines = languages.Sum(l => (long)l.Lines);
        var totalFiles = languages.Sum(l => l.Files);
        var named = languages.Take(MaxLanguages)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Language} {Percent(totalLines > 0 ? (double)l.Lines / totalLines : (double)l.Files / totalFiles)} ({l.Files} file{(l.Files == 1 ? "" : "s")})"));
        var more = languages.Count > MaxLanguages ? string.Create(CultureInfo.InvariantCulture, $", {languages.Count - MaxLanguages} more") : "";
        lines.Add($"Languages: {string.Join(", ", named)}{more}");
    }

    private static void AddProjects(IReadOnlyList<ProjectInfo> projects, List<string> lines)
    {
        if (projects.Count == 0)
        {
            return;
        }

        lines.Add("Projects:");
        foreach (var project in projects.Take(MaxProjects))
        {
            var name = project.Name is null ? "" : $" {project.Name}";
            var entry = project.EntryPoints.Count == 0 ? "" : $", entry {string.Join(", ", project.EntryPoints)}";
            lines.Add($"- {project.Path}: {project.Kind}{name}{entry}");
        }

        if (projects.Count > MaxProjects)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- and {projects.Count - MaxProjects} more"));
        }

        var tests = projects.Where(p => p.TestFramework is not null).GroupBy(p => p.TestFramework!, StringComparer.Ordinal)
            .Select(g => $"{g.Key} in {string.Join(", ", g.Select(p => p.Path))}").ToList();
        if (tests.Count > 0)
        {
            lines.Add($"Tests: {string.Join("; ", tests)}");
        }
    }

    private static void AddDependencies(IReadOnlyList<Dependency> dependencies, List<string> lines)
    {
        foreach (var ecosystem in dependencies.GroupBy(d => d.Ecosystem, StringComparer.Ordinal))
        {
            // One entry per package name; a package is runtime if any manifest needs it at run time.
            var packages = ecosystem.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => new Package(g.First().Name, g.Select(d => d.Version).FirstOrDefault(v => v is not null), g.All(d => d.Development)))
                .OrderBy(p => p.Development).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var development = packages.Count(p => p.Development);
            var runtime = packages.Where(p => !p.Development).ToList();
            var named = runtime.Take(MaxDependenciesPerEcosystem).Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}");
            var more = runtime.Count > MaxDependenciesPerEcosystem ? string.Create(CultureInfo.InvariantCulture, $", {runtime.Count - MaxDependenciesPerEcosystem} more") : "";
            var list = runtime.Count == 0 ? "" : $": {string.Join(", ", named)}{more}";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Dependencies {ecosystem.Key} ({packages.Count}, {development} dev){list}"));
        }
    }

    private static string Percent(double share) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%");

    /// <summary>A package as the profile lists it (a record, not a value tuple: sorting it needs no code compiled at run time).</summary>
    private sealed record Package(string Name, string? Version, bool Development);
}
