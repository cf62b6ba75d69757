using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CodegenBot.Core.Context;

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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}

/// <summary>
/// The context's JSON (`codegen context --format json`), written by code generated at build time in the shape of
/// <see cref="CliJson.Options"/> (web names, enums as names; the writer indents and keeps code readable): a run
/// otherwise emitted accessors and compiled their generic metadata at run time, about 80 methods on one core at the
/// end of every run.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(GatheredContext))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context as JSON, as <see cref="CliJson.Options"/> would write it.</summary>
    public static string Write(GatheredContext context)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = CliJson.Options.Encoder }))
        {
            JsonSerializer.Serialize(writer, context, Default.GatheredContext);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
