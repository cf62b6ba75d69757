using System.Globalization;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>A sampled source file: its language, its text, and its text with comments blanked out.</summary>
internal sealed record SampledFile(string Path, LanguageKind Language, string Text)
{
    /// <summary>The text with comments replaced by spaces (strings kept), line for line.</summary>
    public string Code { get; } = CodeText.WithoutComments(Text, Language.Id);

    /// <summary>Whether the file holds tests (by its name or a test folder).</summary>
    public bool IsTest { get; } = TestFiles.IsTest(Path);
}

/// <summary>
/// A deterministic sample of the source files: in ordinal path order, every k-th file, so that at most
/// <see cref="MaxSampledFiles"/> are read however large the repository is.
/// </summary>
internal sealed class SourceSample
{
    /// <summary>Source files read at most to measure patterns.</summary>
    public const int MaxSampledFiles = 400;

    private readonly Dictionary<string, int> _totals;

    private SourceSample(IReadOnlyList<string> allFiles, IReadOnlyList<SampledFile> files, Dictionary<string, int> totals)
    {
        AllFiles = allFiles;
        Files = files;
        _totals = totals;
    }

    /// <summary>Every file of the repository (for folder-level patterns).</summary>
    public IReadOnlyList<string> AllFiles { get; }

    /// <summary>The sampled, readable source files.</summary>
    public IReadOnlyList<SampledFile> Files { get; }

    public static SourceSample Take(RepositorySnapshot repository, int maxFiles = MaxSampledFiles)
    {
        var sources = repository.Files.Select(f => (Path: f, Language: LanguageTable.Detect(f))).Where(f => f.Language is not null).ToList();
        var totals = sources.GroupBy(f => f.Language!.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var step = Math.Max(1, (sources.Count + maxFiles - 1) / maxFiles);
        var sampled = sources.Where((_, i) => i % step == 0)
            .Select(f => repository.Read(f.Path) is { } text ? new SampledFile(f.Path, f.Language!, text) : null)
            .OfType<SampledFile>().ToList();
        return new SourceSample(repository.Files, sampled, totals);
    }

    /// <summary>The sampled files of one language (id such as <c>csharp</c>).</summary>
    public IReadOnlyList<SampledFile> Of(string languageId) => Files.Where(f => f.Language.Id == languageId).ToList();

    /// <summary>The sample behind a measure, for evidence: <c>120 of 950 csharp files sampled</c>.</summary>
    public string Note(string languageId) => string.Create(
        CultureInfo.InvariantCulture, $"{Files.Count(f => f.Language.Id == languageId)} of {_totals.GetValueOrDefault(languageId)} {languageId} files sampled");
}
