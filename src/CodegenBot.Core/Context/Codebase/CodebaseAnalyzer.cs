using CodegenBot.Core.Context.Codebase.Manifests;
using CodegenBot.Core.Context.Codebase.Patterns;
using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Context.Codebase;

/// <summary>Measures a <see cref="CodebaseProfile"/> from a repository's files; the caller controls all reading.</summary>
internal static class CodebaseAnalyzer
{
    /// <summary>The profile of a repository.</summary>
    /// <param name="files">Relative paths with forward slashes, already without ignored, binary and vendored files.</param>
    /// <param name="readText">The text of a file, or null when it cannot be read.</param>
    /// <param name="lines">Line counts already known, by path; files missing from it are read and counted.</param>
    /// <param name="kept">Sampled files a long-lived process kept from earlier runs, with their measures; null measures afresh.</param>
    public static CodebaseProfile Analyze(IReadOnlyList<string> files, Func<string, string?> readText, IReadOnlyDictionary<string, int>? lines = null, Patterns.SampledFileCache? kept = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        var repository = new RepositorySnapshot(files, readText, lines);
        if (repository.Files.Count == 0)
        {
            return CodebaseProfile.Empty;
        }

        var manifests = ManifestScan.Read(repository);
        var patterns = PatternScan.Analyze(SourceSample.Take(repository, kept: kept));
        return new CodebaseProfile
        {
            Languages = LanguageCounter.Count(repository),
            Dependencies = manifests.Dependencies,
            Projects = ProjectScan.Detect(repository, manifests.Dependencies),
            Patterns = patterns,
            QualitySignals = QualitySignalDetector.Detect(repository, manifests.Dependencies),
        };
    }
}
