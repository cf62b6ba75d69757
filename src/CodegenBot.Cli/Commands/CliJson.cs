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
        // The context's shape is generated at build time (every `codegen context --format json` would otherwise
        // emit and compile about 50 accessor and converter methods at run time); other types are described by
        // reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

/// <summary>Types the CLI writes on every run of a command, described at build time.</summary>
[JsonSerializable(typeof(GatheredContext))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
