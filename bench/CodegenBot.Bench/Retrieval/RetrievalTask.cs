using System.Text.Json.Serialization;

namespace CodegenBot.Bench.Retrieval;

/// <summary>One line of the retrieval development set.</summary>
/// <param name="Repo">owner/name of the public repository.</param>
/// <param name="Commit">The commit the task is posed against (the parent of the fix).</param>
/// <param name="Fix">The commit that resolved the task.</param>
/// <param name="Task">The task text: the fix's commit message without trailers.</param>
/// <param name="Gold">Source files the fix modified (tests, docs and added files excluded).</param>
internal sealed record RetrievalTask(
    [property: JsonPropertyName("repo")] string Repo,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("fix")] string Fix,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("gold")] IReadOnlyList<string> Gold);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(RetrievalTask))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
