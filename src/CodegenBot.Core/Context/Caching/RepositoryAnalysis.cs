using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.Caching;

/// <summary>What the engine knows of one file: facts from its bytes, its symbols and its terms, keyed by its git blob id.</summary>
/// <param name="File">Path, size, skip reason, language, lines.</param>
/// <param name="BlobId">The git blob id of the content (SHA-1 of <c>blob LEN\0CONTENT</c>).</param>
/// <param name="Symbols">Definitions and references; empty for files that are not read.</param>
/// <param name="Terms">The file's BM25 document; empty for files that are not read.</param>
public sealed record FileAnalysis(RepositoryFile File, string BlobId, FileSymbols Symbols, TermBag Terms);

/// <summary>The analysis of a whole tree, cached by tree key and configuration hash.</summary>
/// <param name="TreeKey">HEAD's tree id plus the blob ids of uncommitted changes.</param>
/// <param name="Files">Every candidate file, in ordinal path order.</param>
public sealed record RepositoryAnalysis(string TreeKey, IReadOnlyList<FileAnalysis> Files);
