using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Ranks a repository's files for a task: lexical relevance (BM25 over identifier sub-tokens), direct hits (files
/// and symbols the task names, stack-trace frames), graph relevance (personalized PageRank over which file uses
/// which file's definitions, seeded by the lexical and direct hits), the file's role (source, test, other) against
/// the mode, and source/test pairing.
/// </summary>
internal static class FileRanker
{
    /// <summary>
    /// Ranks the files for the task. Builds a <see cref="RankingIndex"/> each call; callers that rank the same files
    /// for several tasks keep the index instead.
    /// </summary>
    public static IReadOnlyList<RankedFile> Rank(IReadOnlyList<FileAnalysis> analyses, TaskContext task, GenerationMode? mode = null) =>
        new RankingIndex(analyses).Rank(task, mode);

    /// <summary>
    /// How much a file's similarity counts given what it is: a source file fully; a test, unless the task is about
    /// tests, at <see cref="RankingWeights.TestFileFactor"/> (it still comes along with its source through pairing);
    /// prose, data and configuration, unless the task is documentation, at <see cref="RankingWeights.NonCodeFactor"/>.
    /// </summary>
    internal static double RoleFactor(FileAnalysis file, GenerationMode? mode) =>
        RoleFactor(IsTest(file.File.Path), file.Symbols.Definitions.Count > 0, mode);

    /// <inheritdoc cref="RoleFactor(FileAnalysis, GenerationMode?)"/>
    internal static double RoleFactor(bool isTest, bool definesSymbols, GenerationMode? mode)
    {
        if (isTest)
        {
            return mode == GenerationMode.Test ? 1 : RankingWeights.TestFileFactor;
        }

        return definesSymbols || mode == GenerationMode.Docs ? 1 : RankingWeights.NonCodeFactor;
    }

    /// <summary>Whether a path is a test by its folders (test, tests, spec, __tests__) or its name (FooTests.cs, test_foo.py).</summary>
    internal static bool IsTest(string path)
    {
        var segments = path.Split('/');
        return TestPairing.TestSubject(segments[^1]) is not null
            || segments[..^1].Any(s => s.Equals("test", StringComparison.OrdinalIgnoreCase) || s.Equals("tests", StringComparison.OrdinalIgnoreCase)
                || s.Equals("spec", StringComparison.OrdinalIgnoreCase) || s == "__tests__"
                || s.EndsWith(".Tests", StringComparison.Ordinal) || s.EndsWith(".FunctionalTests", StringComparison.Ordinal));
    }

    /// <summary>Whether a repository path is the path a task mentions (equal, or the mention is a suffix at a folder boundary).</summary>
    internal static bool PathMatches(string repositoryPath, string mentioned)
    {
        var m = mentioned.Replace('\\', '/').TrimStart('.', '/');
        return m.Length > 0 && (repositoryPath == m || repositoryPath.EndsWith("/" + m, StringComparison.Ordinal)
            || m.EndsWith("/" + repositoryPath, StringComparison.Ordinal));
    }
}
