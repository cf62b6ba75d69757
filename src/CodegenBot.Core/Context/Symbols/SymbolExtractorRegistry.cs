using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// Picks the extractor for each file's language (the first registered that handles it: Roslyn for C#, ctags for
/// the rest). A language no extractor handles, or ctags missing, leaves a file its identifiers only (references
/// from the tokenizer, no definitions), and a warning says what is missing.
/// </summary>
internal sealed partial class SymbolExtractorRegistry(IEnumerable<ISymbolExtractor> extractors, ILogger<SymbolExtractorRegistry> logger)
{
    private readonly IReadOnlyList<ISymbolExtractor> _extractors = [.. extractors];
    private readonly ConcurrentDictionary<string, ITextSymbolExtractor> _identifiersOnly = new(StringComparer.Ordinal);

    /// <summary>
    /// The extractor for the language when it works from text in this process: Roslyn for C#, and
    /// <see cref="IdentifiersOnly"/> for a language no extractor handles; null when a batch or other extractor does.
    /// </summary>
    public ITextSymbolExtractor? TextExtractorFor(string language) => ExtractorFor(language) switch
    {
        ITextSymbolExtractor text => text,
        null => IdentifiersOnly(language),
        _ => null,
    };

    /// <summary>
    /// The extractor for the language when it runs a tool over batches of files (ctags), else null: also null when
    /// the extractor works from text too (<see cref="TextExtractorFor"/> takes it first).
    /// </summary>
    public IBatchSymbolExtractor? BatchExtractorFor(string language) =>
        ExtractorFor(language) is IBatchSymbolExtractor batch and not ITextSymbolExtractor ? batch : null;

    /// <summary>A file's identifiers only, no definitions: for a language no extractor handles, or when ctags is missing.</summary>
    public ITextSymbolExtractor IdentifiersOnly(string language) => _identifiersOnly.GetOrAdd(language, l => new IdentifierExtractor(l));

    /// <summary>Logs that ctags is missing (the indexer then gives those files their identifiers only).</summary>
    public void ReportCtagsMissing(CtagsNotFoundException exception) => LogCtagsMissing(logger, exception.Message);

    /// <summary>Symbols from the extractors that are neither text nor batch extractors (they read the files themselves).</summary>
    public async Task<IReadOnlyList<FileSymbols>> ExtractAllAsync(string root, IReadOnlyList<(string Path, string Language)> files, CancellationToken cancellationToken)
    {
        var results = new List<FileSymbols>(files.Count);
        foreach (var group in files.GroupBy(f => ExtractorFor(f.Language) ?? IdentifiersOnly(f.Language)))
        {
            results.AddRange(await group.Key.ExtractAsync(root, group.Select(f => f.Path).ToList(), cancellationToken));
        }

        return results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    private ISymbolExtractor? ExtractorFor(string language) => _extractors.FirstOrDefault(e => e.Languages.Contains(language));

    /// <summary>References from <see cref="IdentifierTokenizer"/>, no definitions.</summary>
    private sealed class IdentifierExtractor(string language) : ITextSymbolExtractor
    {
        public IReadOnlyList<string> Languages { get; } = [language];

        public Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            TextSymbolExtraction.ExtractFiles(this, root, relativePaths, cancellationToken);

        public FileSymbols Extract(string relativePath, string text, CancellationToken cancellationToken) =>
            Extract(relativePath, text.AsSpan(), cancellationToken);

        public FileSymbols Extract(string relativePath, ReadOnlySpan<char> text, CancellationToken cancellationToken) =>
            new(relativePath, language, [], IdentifierTokenizer.Identifiers(text, language, new HashSet<string>()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} Definitions of non-C# files are skipped; ranking uses their identifiers only")]
    private static partial void LogCtagsMissing(ILogger logger, string message);
}
