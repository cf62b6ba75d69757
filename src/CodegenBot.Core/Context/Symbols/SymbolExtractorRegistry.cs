using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// Picks the extractor for each file's language (the first registered that handles it: Roslyn for C#, ctags for
/// the rest) and merges the results in ordinal path order. Without ctags, other languages still get references
/// from the tokenizer, and a warning says what is missing.
/// </summary>
internal sealed partial class SymbolExtractorRegistry(IEnumerable<ISymbolExtractor> extractors, ILogger<SymbolExtractorRegistry> logger)
{
    private readonly IReadOnlyList<ISymbolExtractor> _extractors = [.. extractors];

    /// <summary>The extractor for the language when it works from text in this process (C#), else null.</summary>
    public ITextSymbolExtractor? TextExtractorFor(string language) =>
        _extractors.FirstOrDefault(e => e.Languages.Contains(language)) as ITextSymbolExtractor;

    /// <summary>The extractor for the language when it runs a tool over batches of files (ctags), else null.</summary>
    public IBatchSymbolExtractor? BatchExtractorFor(string language) =>
        _extractors.FirstOrDefault(e => e.Languages.Contains(language)) as IBatchSymbolExtractor;

    /// <summary>Logs that ctags is missing (the indexer then gives those files references only).</summary>
    public void ReportCtagsMissing(CtagsNotFoundException exception) => LogCtagsMissing(logger, exception.Message);

    public async Task<IReadOnlyList<FileSymbols>> ExtractAllAsync(string root, IReadOnlyList<(string Path, string Language)> files, CancellationToken cancellationToken)
    {
        var results = new List<FileSymbols>(files.Count);
        var unhandled = new List<(string Path, string Language)>();
        foreach (var group in files.GroupBy(f => _extractors.FirstOrDefault(e => e.Languages.Contains(f.Language))))
        {
            if (group.Key is null)
            {
                unhandled.AddRange(group);
                continue;
            }

            try
            {
                results.AddRange(await group.Key.ExtractAsync(root, group.Select(f => f.Path).ToList(), cancellationToken));
            }
            catch (CtagsNotFoundException ex)
            {
                LogCtagsMissing(logger, ex.Message);
                unhandled.AddRange(group);
            }
        }

        foreach (var (path, language) in unhandled)
        {
            if (RepositoryScanner.ReadText(root, path) is { } text)
            {
                results.Add(new FileSymbols(path, language, [], IdentifierTokenizer.Identifiers(text, language, new HashSet<string>())));
            }
        }

        return results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} Definitions of non-C# files are skipped; ranking uses their identifiers only")]
    private static partial void LogCtagsMissing(ILogger logger, string message);
}
