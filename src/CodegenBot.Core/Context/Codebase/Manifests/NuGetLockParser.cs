using System.Text.Json;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary><c>packages.lock.json</c>: the direct packages of every target framework, with their resolved versions.</summary>
internal sealed class NuGetLockParser : IManifestParser
{
    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "packages.lock.json";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        using var json = JsonDocument.Parse(text);
        var result = new List<Dependency>();
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("dependencies", out var frameworks) || frameworks.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("packages.lock.json has no dependencies object.");
        }

        foreach (var package in frameworks.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object).SelectMany(f => f.Value.EnumerateObject()))
        {
            // Transitive and project entries are not what the repository chose, so only direct ones are listed.
            if (package.Value.ValueKind == JsonValueKind.Object && Text(package.Value, "type") == "Direct")
            {
                result.Add(new Dependency(MsBuildProjectParser.Ecosystem, package.Name, Text(package.Value, "resolved"), path, Development: false));
            }
        }

        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
