using System.Text.Json.Serialization;

namespace CodegenBot.Bench.Edits;

/// <summary>
/// One case of the edit-application corpus: a SEARCH/REPLACE block as a model might write it for a real file, the
/// drift it carries, and what applying it must do. The file itself is read from the repository at the commit.
/// </summary>
/// <param name="Repo">owner/name.</param>
/// <param name="Commit">The commit the file is read at.</param>
/// <param name="Path">The file.</param>
/// <param name="Drift">exact, indentation, trailing-space, crlf, blank-lines, typo, ambiguous or absent.</param>
/// <param name="CrLf">Whether the file is written with CRLF line endings before applying.</param>
/// <param name="Search">The SEARCH text as the model wrote it.</param>
/// <param name="Replace">The REPLACE text as the model wrote it.</param>
/// <param name="Start">First line (0-based) the edit is meant for; -1 when it must be refused.</param>
/// <param name="Count">Lines it is meant to replace.</param>
/// <param name="Expected">The lines that must end up there (the intended replacement, in the file's indentation).</param>
internal sealed record EditCase(
    [property: JsonPropertyName("repo")] string Repo,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("drift")] string Drift,
    [property: JsonPropertyName("crlf")] bool CrLf,
    [property: JsonPropertyName("search")] string Search,
    [property: JsonPropertyName("replace")] string Replace,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("expected")] IReadOnlyList<string> Expected)
{
    /// <summary>Whether the block must be refused (ambiguous or not in the file) rather than applied.</summary>
    [JsonIgnore]
    public bool MustRefuse => Start < 0;
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(EditCase))]
internal sealed partial class EditJsonContext : JsonSerializerContext;
