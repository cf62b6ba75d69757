using CodegenBot.Core.Context.Caching;

namespace CodegenBot.Core.Context.Codebase;

/// <summary>
/// A profile of a repository measured from its files: languages, declared dependencies, projects with their test
/// frameworks and entry points, conventions the code follows, and the quality tooling it carries.
/// </summary>
public sealed record CodebaseProfile
{
    /// <summary>A profile with nothing in it (an empty repository).</summary>
    public static CodebaseProfile Empty { get; } = new() { Languages = [], Dependencies = [], Projects = [], Patterns = [], QualitySignals = [] };

    /// <summary>Programming languages by lines, largest first (ties by name).</summary>
    public required IReadOnlyList<LanguageShare> Languages { get; init; }

    /// <summary>Packages declared in manifests, ordered by ecosystem, manifest and name.</summary>
    public required IReadOnlyList<Dependency> Dependencies { get; init; }

    /// <summary>Projects, packages and modules, ordered by path.</summary>
    public required IReadOnlyList<ProjectInfo> Projects { get; init; }

    /// <summary>Conventions measured from a sample of the source files.</summary>
    public required IReadOnlyList<CodePattern> Patterns { get; init; }

    /// <summary>Linters, analyzers, formatters, coverage and CI the repository configures, such as <c>.editorconfig</c>.</summary>
    public required IReadOnlyList<string> QualitySignals { get; init; }

    /// <summary>The profile of an indexed repository (its readable files) as Markdown for the prompt.</summary>
    internal static string ToMarkdown(RepositoryAnalysis analysis, Func<string, string?> read, Patterns.SampledFileCache? kept = null)
    {
        var readable = analysis.Files.Where(f => f.File.Readable).ToList();
        var lines = readable.GroupBy(f => f.File.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().File.Lines, StringComparer.Ordinal);
        return CodebaseProfileFormatter.ToMarkdown(CodebaseAnalyzer.Analyze(readable.Select(f => f.File.Path).ToList(), read, lines, kept));
    }
}
