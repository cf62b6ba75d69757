namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// <c>pyproject.toml</c>: <c>[project] dependencies</c>, <c>[project.optional-dependencies]</c> (development when the
/// extra is named dev, test, lint...), <c>[dependency-groups]</c> and <c>[tool.pdm.dev-dependencies]</c> (development),
/// <c>[tool.poetry.dependencies]</c>, and Poetry's dev-dependencies and groups (development).
/// </summary>
internal sealed class PyprojectParser : IManifestParser
{
    /// <summary>Names of optional-dependency extras that hold development tools rather than runtime features.</summary>
    private static readonly HashSet<string> DevelopmentExtras = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "develop", "development", "test", "tests", "testing", "lint", "linting", "docs", "typing", "ci",
    };

    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "pyproject.toml";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var result = new List<Dependency>();
        foreach (var entry in TomlLite.Parse(text))
        {
            switch (entry.Table)
            {
                case "project" when entry.Key == "dependencies":
                    result.AddRange(Requirements(entry.Value, path, development: false));
                    break;
                case "project.optional-dependencies":
                    result.AddRange(Requirements(entry.Value, path, DevelopmentExtras.Contains(entry.Key)));
                    break;
                case "dependency-groups" or "tool.pdm.dev-dependencies":
                    result.AddRange(Requirements(entry.Value, path, development: true));
                    break;
                case "tool.poetry.dependencies":
                    result.AddRange(Poetry(entry, path, development: false));
                    break;
                case "tool.poetry.dev-dependencies":
                    result.AddRange(Poetry(entry, path, development: true));
                    break;
                case var table when table.StartsWith("tool.poetry.group.", StringComparison.Ordinal) && table.EndsWith(".dependencies", StringComparison.Ordinal):
                    result.AddRange(Poetry(entry, path, development: table != "tool.poetry.group.main.dependencies"));
                    break;
                default:
                    break;
            }
        }

        return result;
    }

    /// <summary>The project name: <c>[project] name</c>, else <c>[tool.poetry] name</c>.</summary>
    public static string? ProjectName(IReadOnlyList<TomlEntry> entries) =>
        entries.FirstOrDefault(e => e.Table == "project" && e.Key == "name")?.Value.String
        ?? entries.FirstOrDefault(e => e.Table == "tool.poetry" && e.Key == "name")?.Value.String;

    private static IEnumerable<Dependency> Requirements(TomlValue value, string path, bool development) =>
        value.Items.Select(i => i.String is { } s ? Pep508.Parse(s) : null).OfType<(string Name, string? Version)>()
            .Select(r => new Dependency(RequirementsTxtParser.Ecosystem, r.Name, r.Version, path, development));

    private static IEnumerable<Dependency> Poetry(TomlEntry entry, string path, bool development)
    {
        // Poetry lists the interpreter itself among the dependencies.
        if (entry.Key.Equals("python", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var version = entry.Value.String ?? entry.Value.FieldString("version");
        return [new Dependency(RequirementsTxtParser.Ecosystem, entry.Key, version is "*" ? null : version, path, development)];
    }
}
