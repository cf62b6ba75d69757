using System.Text.Json;

namespace CodegenBot.Testing;

/// <summary>One chat message as the client sent it, content flattened to text.</summary>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Content">The text of the message.</param>
public sealed record RecordedMessage(string Role, string Content);

/// <summary>A request the fake model server received.</summary>
public sealed record RecordedRequest
{
    /// <summary>The request path.</summary>
    public required string Path { get; init; }

    /// <summary>The raw JSON body.</summary>
    public required string Body { get; init; }

    /// <summary>Request headers (first value of each), case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Whether the client asked for a streamed answer.</summary>
    public bool Stream { get; init; }

    /// <summary>The model asked for.</summary>
    public string Model { get; init; } = "";

    /// <summary>The messages sent.</summary>
    public IReadOnlyList<RecordedMessage> Messages { get; init; } = [];

    /// <summary>Names of the tools offered.</summary>
    public IReadOnlyList<string> ToolNames { get; init; } = [];

    internal static RecordedRequest Parse(string path, string body, IReadOnlyDictionary<string, string> headers)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return new RecordedRequest
            {
                Path = path,
                Body = body,
                Headers = headers,
                Stream = root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
                Model = root.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "",
                Messages = root.TryGetProperty("messages", out var messages)
                    ? messages.EnumerateArray().Select(m => new RecordedMessage(
                        m.TryGetProperty("role", out var role) ? role.GetString() ?? "" : "",
                        m.TryGetProperty("content", out var content) ? Flatten(content) : "")).ToList()
                    : [],
                ToolNames = root.TryGetProperty("tools", out var tools)
                    ? tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString() ?? "").ToList()
                    : [],
            };
        }
        catch (JsonException)
        {
            return new RecordedRequest { Path = path, Body = body, Headers = headers };
        }
    }

    private static string Flatten(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
