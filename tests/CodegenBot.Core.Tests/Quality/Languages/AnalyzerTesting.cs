using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Tests.Quality.Languages;

/// <summary>Runs an analyzer on text or on a fixture, with a language's naming conventions.</summary>
internal static class AnalyzerTesting
{
    public static LanguageOptions Options(params (string Kind, string Convention)[] naming) =>
        new() { Style = new LanguageStyleOptions { Naming = naming.ToDictionary(n => n.Kind, n => n.Convention) } };

    public static Task<FileAnalysis> AnalyzeAsync(this ILanguageAnalyzer analyzer, string path, string content, LanguageOptions? options = null) =>
        analyzer.AnalyzeAsync(new SourceFile(path, analyzer.Language, content), options ?? new LanguageOptions(), TestContext.Current.CancellationToken);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Quality", "Languages", "Fixtures", name));

    public static FunctionMetrics Function(this FileAnalysis analysis, string name) => Assert.Single(analysis.Functions, f => f.Name == name);
}
