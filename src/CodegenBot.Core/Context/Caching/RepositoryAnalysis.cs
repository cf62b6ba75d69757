using System.Text.Json.Serialization;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.Caching;

/// <summary>What the engine knows of one file: facts from its bytes and its symbols, keyed by its git blob id.</summary>
/// <param name="File">Path, size, skip reason, language, lines.</param>
/// <param name="BlobId">The git blob id of the content (SHA-1 of <c>blob LEN\0CONTENT</c>).</param>
/// <param name="Symbols">Definitions and references; empty for files that are not read.</param>
public sealed record FileAnalysis(RepositoryFile File, string BlobId, FileSymbols Symbols);

/// <summary>The analysis of a whole tree, cached by tree key and configuration hash.</summary>
/// <param name="TreeKey">HEAD's tree id plus the blob ids of uncommitted changes.</param>
/// <param name="Files">Every candidate file, in ordinal path order.</param>
public sealed record RepositoryAnalysis(string TreeKey, IReadOnlyList<FileAnalysis> Files);

/// <summary>Source-generated JSON for the cache entries (fast to read back on warm runs).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RepositoryAnalysis))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
