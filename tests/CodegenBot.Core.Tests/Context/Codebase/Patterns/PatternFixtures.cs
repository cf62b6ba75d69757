using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

/// <summary>Runs one pattern analyzer over in-memory files.</summary>
internal static class PatternFixtures
{
    public static List<CodePattern> Analyze(IPatternAnalyzer analyzer, params (string Path, string Content)[] files) =>
        analyzer.Analyze(SourceSample.Take(CodebaseFixtures.Snapshot(files))).ToList();

    /// <summary>Each pattern as <c>name | evidence | share</c>.</summary>
    public static List<string> Describe(IPatternAnalyzer analyzer, params (string Path, string Content)[] files) =>
        Analyze(analyzer, files).Select(p => $"{p.Name} | {p.Evidence} | {p.Share.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList();
}
