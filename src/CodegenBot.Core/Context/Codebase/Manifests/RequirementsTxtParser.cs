namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// pip requirement files (<c>requirements*.txt</c>, <c>requirements/*.txt</c>): one requirement a line; comments,
/// options (<c>-r</c>, <c>-c</c>, <c>-e</c>, <c>--index-url</c>) and bare URLs are ignored. A file named for development
/// (<c>requirements-dev.txt</c>, <c>requirements/test.txt</c>) holds development dependencies.
/// </summary>
internal sealed class RequirementsTxtParser : IManifestParser
{
    public const string Ecosystem = "pypi";

    /// <summary>Words in a requirement file's name that mark its packages as development-only.</summary>
    private static readonly HashSet<string> DevelopmentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "develop", "development", "test", "tests", "testing", "lint", "docs", "ci", "typing",
    };

    public bool Handles(string path)
    {
        var name = RepositorySnapshot.FileName(path);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
                || RepositorySnapshot.FileName(RepositorySnapshot.FolderOf(path)).Equals("requirements", StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var development = RepositorySnapshot.FileName(path)[..^4]
            .Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Any(DevelopmentWords.Contains);
        var result = new List<Dependency>();
        foreach (var raw in text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
        {
            var line = StripComment(raw).Trim();
            var option = line.IndexOf(" --", StringComparison.Ordinal);
            if (option >= 0)
            {
                line = line[..option].Trim();
            }

            if (line.Length == 0 || line.StartsWith('-') || (line.Contains("://", StringComparison.Ordinal) && !line.Contains('@', StringComparison.Ordinal)))
            {
                continue;
            }

            if (Pep508.Parse(line) is { } requirement)
            {
                result.Add(new Dependency(Ecosystem, requirement.Name, requirement.Version, path, development));
            }
        }

        return result;
    }

    /// <summary>A line without its comment: <c>#</c> at the start or after whitespace (URLs may hold <c>#egg=</c>).</summary>
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }
}
