using CodegenBot.Core.Context.Codebase;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Context.Codebase;

/// <summary>Builds the inputs of the codebase profile from files on disk (a temp git repository) or in memory.</summary>
internal static class CodebaseFixtures
{
    /// <summary>Analyzes a temp repository: the files are those given, read from its work tree.</summary>
    public static CodebaseProfile Analyze(TempGitRepository repository, params (string Path, string Content)[] files) =>
        CodebaseAnalyzer.Analyze(files.Select(f => f.Path).ToList(), p => ReadOrNull(repository, p));

    /// <summary>A snapshot of in-memory files (for one parser or analyzer at a time).</summary>
    public static RepositorySnapshot Snapshot(params (string Path, string Content)[] files)
    {
        var texts = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        return new RepositorySnapshot(texts.Keys.ToList(), p => texts.GetValueOrDefault(p));
    }

    private static string? ReadOrNull(TempGitRepository repository, string path) =>
        repository.FileExists(path) ? repository.ReadFile(path) : null;
}
