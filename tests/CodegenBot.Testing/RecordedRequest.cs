using System.Text.Json;

namespace CodegenBot.Testing;

/// <summary>One chat message as the client sent it, content flattened to text.</summary>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Content">The text of the message.</param>
public sealed record RecordedMessage(string Role, string Content);

/// <summary>The wire protocol a request used.</summary>
public enum ModelProtocol
{
    /// <summary>OpenAI chat completions (<c>/chat/completions</c>).</summary>
    OpenAi,

    /// <summary>Anthropic messages (<c>/v1/messages</c>).</summary>
    Anthropic,
}

/// <summary>A request the fake model server received.</summary>
public sealed record RecordedRequest
{
    /// <summary>Which protocol the client spoke; responses are written in the same one.</summary>
    public ModelProtocol Protocol { get; init; }

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

    internal static RecordedRequest Parse(string path, string body, IReadOnlyDictionary<string, string> headers, ModelProtocol protocol = ModelProtocol.OpenAi)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (protocol == ModelProtocol.Anthropic)
            {
                return ParseAnthropic(path, body, headers, root);
            }

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

    /// <summary>Anthropic's shape: <c>system</c> beside the messages, content blocks (text, tool_use, tool_result), tools by name.</summary>
    private static RecordedRequest ParseAnthropic(string path, string body, IReadOnlyDictionary<string, string> headers, JsonElement root)
    {
        var messages = new List<RecordedMessage>();
        if (root.TryGetProperty("system", out var system))
        {
            messages.Add(new RecordedMessage("system", Flatten(system)));
        }

        if (root.TryGetProperty("messages", out var list))
        {
            foreach (var message in list.EnumerateArray())
            {
                var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                var content = message.TryGetProperty("content", out var c) ? c : default;
                var isToolResult = content.ValueKind == JsonValueKind.Array && content.EnumerateArray().Any(b => Type(b) == "tool_result");
                messages.Add(new RecordedMessage(isToolResult ? "tool" : role, content.ValueKind == JsonValueKind.Undefined ? "" : Flatten(content)));
            }
        }

        return new RecordedRequest
        {
            Protocol = ModelProtocol.Anthropic,
            Path = path,
            Body = body,
            Headers = headers,
            Stream = root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            Model = root.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "",
            Messages = messages,
            ToolNames = root.TryGetProperty("tools", out var tools) ? tools.EnumerateArray().Select(t => t.GetProperty("name").GetString() ?? "").ToList() : [],
        };
    }

    private static string Type(JsonElement block) => block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";

    private static string Flatten(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p =>
            p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var text) ? text.GetString()
            : p.ValueKind == JsonValueKind.Object && p.TryGetProperty("content", out var inner) ? Flatten(inner)
            : "")),
        _ => "",
    };
}
