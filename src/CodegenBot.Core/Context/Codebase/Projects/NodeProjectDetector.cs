using System.Text.Json;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>
/// <c>package.json</c> packages: the name, <c>main</c> and <c>bin</c> as entry points (resolved against the package
/// folder), and the test runner from the dependencies (vitest, jest, mocha…) or a <c>node --test</c> script.
/// </summary>
internal sealed class NodeProjectDetector : IProjectDetector
{
    /// <summary>Test runners by package name, the first one a package depends on wins.</summary>
    private static readonly (string Package, string Framework)[] Runners =
    [
        ("vitest", "vitest"), ("jest", "jest"), ("mocha", "mocha"), ("jasmine", "jasmine"), ("ava", "ava"), ("@playwright/test", "playwright"), ("cypress", "cypress"),
    ];

    public IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        foreach (var path in repository.Named("package.json"))
        {
            if (Load(repository, path) is not { } root)
            {
                continue;
            }

            var folder = RepositorySnapshot.FolderOf(path);
            var declared = ProjectScan.DeclaredIn(dependencies, folder, PackageJsonParser.Ecosystem).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            var framework = Runners.FirstOrDefault(r => declared.Contains(r.Package)).Framework
                ?? (Text(Property(root, "scripts"), "test")?.Contains("node --test", StringComparison.Ordinal) == true ? "node:test" : null);
            var entryPoints = EntryValues(root).Select(v => RepositorySnapshot.Resolve(folder, v)).OfType<string>()
                .Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            yield return new ProjectInfo(RepositorySnapshot.Display(folder), "node-package", Text(root, "name"), IsTest: false, framework, entryPoints);
        }
    }

    private static JsonElement? Load(RepositorySnapshot repository, string path)
    {
        try
        {
            using var json = repository.Read(path) is { } text ? JsonDocument.Parse(text) : null;
            return json?.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // Why: a malformed package.json is skipped; the rest of the profile stands.
            return null;
        }
    }

    private static IEnumerable<string> EntryValues(JsonElement root)
    {
        if (Text(root, "main") is { } main)
        {
            yield return main;
        }

        switch (Property(root, "bin"))
        {
            case { ValueKind: JsonValueKind.String } bin:
                yield return bin.GetString()!;
                break;
            case { ValueKind: JsonValueKind.Object } bins:
                foreach (var command in bins.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.String))
                {
                    yield return command.Value.GetString()!;
                }

                break;
            default:
                break;
        }
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
