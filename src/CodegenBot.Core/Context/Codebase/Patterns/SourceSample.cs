using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Globalization;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// A sampled source file: its language, its text, and its text with comments blanked out. A class, not a record: it
/// carries a memo of measures, which has no place in value equality.
/// </summary>
internal sealed class SampledFile(string path, LanguageKind language, string text)
{
    /// <summary>
    /// What the analyzers measured of this file, by measure: a long-lived process keeps sampled files between runs
    /// (<see cref="SampledFileCache"/>), so a changed tree re-measures only the files that changed.
    /// </summary>
    private readonly ConcurrentDictionary<object, object> _memo = new();

    public string Path { get; } = path;

    public LanguageKind Language { get; } = language;

    public string Text { get; } = text;

    /// <summary>The text with comments replaced by spaces (strings kept), line for line.</summary>
    public string Code { get; } = CodeText.WithoutComments(text, language.Id);

    /// <summary>Whether the file holds tests (by its name or a test folder).</summary>
    public bool IsTest { get; } = TestFiles.IsTest(path);

    /// <summary>C# methods of <see cref="Code"/>.</summary>
    public IReadOnlyList<CSharpSyntax.Method> CSharpMethods => Memo(nameof(CSharpMethods), f => CSharpSyntax.Methods(f.Code).ToList());

    /// <summary>C# types of <see cref="Code"/>.</summary>
    public IReadOnlyList<(string Keyword, string Name)> CSharpTypes => Memo(nameof(CSharpTypes), f => CSharpSyntax.Types(f.Code).ToList());

    /// <summary>C# private instance fields of <see cref="Code"/>.</summary>
    public IReadOnlyList<string> CSharpPrivateInstanceFields => Memo(nameof(CSharpPrivateInstanceFields), f => CSharpSyntax.PrivateInstanceFields(f.Code).ToList());

    /// <summary>C# locals of <see cref="Code"/>.</summary>
    public IReadOnlyList<string> CSharpLocals => Memo(nameof(CSharpLocals), f => CSharpSyntax.Locals(f.Code).ToList());

    /// <summary>The matches of a regular expression in <see cref="Code"/>, computed once per file.</summary>
    public IReadOnlyList<Match> Matches(Regex regex) => Memo(regex, f => (IReadOnlyList<Match>)regex.Matches(f.Code).ToList());

    /// <summary>How often a regular expression matches <see cref="Code"/>.</summary>
    public int Count(Regex regex) => Matches(regex).Count;

    /// <summary>A measure of this file, computed once (keys: a name, or the regular expression itself).</summary>
    public T Memo<T>(object key, Func<SampledFile, T> measure)
        where T : notnull => (T)_memo.GetOrAdd(key, static (_, state) => state.measure(state.file), (measure, file: this));
}

/// <summary>Sampled files of one repository by path, kept by a long-lived process with what was measured of them.</summary>
internal sealed class SampledFileCache
{
    private readonly ConcurrentDictionary<string, SampledFile> _files = new(StringComparer.Ordinal);

    /// <summary>Forgets every file but these (the files sampled this time), so the cache holds one sample at most.</summary>
    public void Retain(IReadOnlyCollection<string> paths)
    {
        var keep = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in _files.Keys.Where(p => !keep.Contains(p)).ToList())
        {
            _files.TryRemove(path, out _);
        }
    }

    /// <summary>The file as kept when its text is unchanged, else a new one (kept from now on).</summary>
    public SampledFile Get(string path, LanguageKind language, string text) =>
        _files.TryGetValue(path, out var kept) && kept.Language == language && kept.Text == text
            ? kept
            : _files[path] = new SampledFile(path, language, text);
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

    public static SourceSample Take(RepositorySnapshot repository, int maxFiles = MaxSampledFiles, SampledFileCache? kept = null)
    {
        var sources = repository.Files.Select(f => (Path: f, Language: LanguageTable.Detect(f))).Where(f => f.Language is not null).ToList();
        var totals = sources.GroupBy(f => f.Language!.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var step = Math.Max(1, (sources.Count + maxFiles - 1) / maxFiles);
        var sampled = sources.Where((_, i) => i % step == 0)
            .Select(f => repository.Read(f.Path) is { } text ? kept?.Get(f.Path, f.Language!, text) ?? new SampledFile(f.Path, f.Language!, text) : null)
            .OfType<SampledFile>().ToList();
        kept?.Retain(sampled.Select(f => f.Path).ToList());
        return new SourceSample(repository.Files, sampled, totals);
    }

    /// <summary>The sampled files of one language (id such as <c>csharp</c>).</summary>
    public IReadOnlyList<SampledFile> Of(string languageId) => Files.Where(f => f.Language.Id == languageId).ToList();

    /// <summary>The sample behind a measure, for evidence: <c>120 of 950 csharp files sampled</c>.</summary>
    public string Note(string languageId) => string.Create(
        CultureInfo.InvariantCulture, $"{Files.Count(f => f.Language.Id == languageId)} of {_totals.GetValueOrDefault(languageId)} {languageId} files sampled");
}
