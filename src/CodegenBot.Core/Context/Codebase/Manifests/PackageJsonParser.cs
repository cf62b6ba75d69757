using System.Text.Json;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary><c>package.json</c>: <c>dependencies</c>, and <c>devDependencies</c> as development ones.</summary>
internal sealed class PackageJsonParser : IManifestParser
{
    public const string Ecosystem = "npm";

    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "package.json";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        using var json = JsonDocument.Parse(text);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("package.json is not an object.");
        }

        return Section(json.RootElement, "dependencies", path, development: false)
            .Concat(Section(json.RootElement, "devDependencies", path, development: true)).ToList();
    }

    private static List<Dependency> Section(JsonElement root, string name, string path, bool development) =>
        root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section.EnumerateObject().Select(p => new Dependency(Ecosystem, p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null, path, development)).ToList()
            : [];
}
