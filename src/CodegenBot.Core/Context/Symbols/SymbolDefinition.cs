namespace CodegenBot.Core.Context.Symbols;

/// <summary>Kinds of symbol definitions, across languages.</summary>
public enum SymbolKind
{
    /// <summary>A namespace or package.</summary>
    Namespace,

    /// <summary>A class.</summary>
    Class,

    /// <summary>An interface or protocol.</summary>
    Interface,

    /// <summary>A struct.</summary>
    Struct,

    /// <summary>A record.</summary>
    Record,

    /// <summary>An enum.</summary>
    Enum,

    /// <summary>A delegate or function type.</summary>
    Delegate,

    /// <summary>A method.</summary>
    Method,

    /// <summary>A constructor.</summary>
    Constructor,

    /// <summary>A property.</summary>
    Property,

    /// <summary>A field.</summary>
    Field,

    /// <summary>An event.</summary>
    Event,

    /// <summary>A free function.</summary>
    Function,

    /// <summary>A variable.</summary>
    Variable,

    /// <summary>A constant or enum member.</summary>
    Constant,

    /// <summary>A module.</summary>
    Module,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>One definition in a file.</summary>
/// <param name="Name">The simple name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="File">The file, relative to the root.</param>
/// <param name="Line">1-based first line.</param>
/// <param name="EndLine">1-based last line (equal to <paramref name="Line"/> when unknown).</param>
/// <param name="Signature">One line as a signatures-only map shows it, without a body.</param>
/// <param name="Container">The enclosing type or namespace, or null.</param>
/// <param name="Summary">The doc-comment summary, or null.</param>
public sealed record SymbolDefinition(string Name, SymbolKind Kind, string File, int Line, int EndLine, string Signature, string? Container, string? Summary);

/// <summary>The symbols of one file.</summary>
/// <param name="Path">The file, relative to the root.</param>
/// <param name="Language">Its language id.</param>
/// <param name="Definitions">What it defines, in source order.</param>
/// <param name="References">Identifiers it uses that it does not define, distinct, ordinal order.</param>
public sealed record FileSymbols(string Path, string Language, IReadOnlyList<SymbolDefinition> Definitions, IReadOnlyList<string> References);

/// <summary>
/// Extracts symbols for one or more languages. Implementations are registered in DI; a language plugs in by
/// implementing this interface.
/// </summary>
public interface ISymbolExtractor
{
    /// <summary>Language ids this extractor handles.</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>Symbols of the files (relative paths under <paramref name="root"/>); unreadable files are skipped.</summary>
    Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken);
}

/// <summary>
/// An extractor that works in this process from a file's text alone, so the indexer can read each file once for
/// its symbols and its terms.
/// </summary>
public interface ITextSymbolExtractor : ISymbolExtractor
{
    /// <summary>Symbols of one file, given its repository-relative path and text.</summary>
    FileSymbols Extract(string relativePath, string text, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="Extract(string, string, CancellationToken)"/>, from text in a buffer that is only valid during
    /// the call (the indexer decodes each file into a pooled buffer). By default the text is copied into a string.
    /// </summary>
    FileSymbols Extract(string relativePath, ReadOnlySpan<char> text, CancellationToken cancellationToken) =>
        Extract(relativePath, text.ToString(), cancellationToken);
}

/// <summary>What every <see cref="ITextSymbolExtractor"/> does for <see cref="ISymbolExtractor.ExtractAsync"/>.</summary>
internal static class TextSymbolExtraction
{
    /// <summary>Reads the files on all cores and extracts each; unreadable files are skipped; results in ordinal path order.</summary>
    public static Task<IReadOnlyList<FileSymbols>> ExtractFiles(ITextSymbolExtractor extractor, string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<FileSymbols>();
        Parallel.ForEach(relativePaths, new ParallelOptions { CancellationToken = cancellationToken }, path =>
        {
            if (RepositoryScanner.ReadText(root, path) is { } text)
            {
                results.Add(extractor.Extract(path, text, cancellationToken));
            }
        });
        return Task.FromResult<IReadOnlyList<FileSymbols>>(results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList());
    }
}

/// <summary>
/// An extractor whose definitions come from a tool run over many files at once (ctags), and whose references come
/// from each file's text, so the indexer can run the tool on batches and then read each file once for its
/// references and its terms.
/// </summary>
public interface IBatchSymbolExtractor : ISymbolExtractor
{
    /// <summary>The definitions of a batch of files, by repository-relative path (files without any are left out).</summary>
    Task<IReadOnlyDictionary<string, List<SymbolDefinition>>> DefinitionsAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken);

    /// <summary>The symbols of one file from its definitions (as <see cref="DefinitionsAsync"/> gave them) and its text.</summary>
    FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text);

    /// <summary>
    /// As <see cref="Complete(string, IReadOnlyList{SymbolDefinition}, string)"/>, from text in a buffer that is only
    /// valid during the call (the indexer decodes each file into a pooled buffer). By default the text is copied into
    /// a string.
    /// </summary>
    FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, ReadOnlySpan<char> text) =>
        Complete(relativePath, definitions, text.ToString());
}
