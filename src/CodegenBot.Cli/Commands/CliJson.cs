using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodegenBot.Cli.Commands;

/// <summary>JSON output of the CLI: camelCase, indented, enums as names.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output for people and tools, not HTML: keep <, > and quotes in code readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };
}
