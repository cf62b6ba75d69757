namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// <c>Cargo.toml</c>: <c>[dependencies]</c>, <c>[dev-dependencies]</c> and <c>[build-dependencies]</c> (both development),
/// also under <c>[target.'cfg'.…]</c> and <c>[workspace.dependencies]</c>; a version string, an inline table's
/// <c>version</c>, a <c>[dependencies.name]</c> table or a dotted <c>name.version</c> key.
/// </summary>
internal sealed class CargoParser : IManifestParser
{
    public const string Ecosystem = "cargo";

    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "Cargo.toml";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var found = new Dictionary<(string Name, bool Development), string?>();
        var order = new List<(string Name, bool Development)>();
        foreach (var entry in TomlLite.Parse(text))
        {
            if (Section(entry.Table) is { } section)
            {
                // [dependencies] name = "1.0" | { version = "1.0" } | name.version = "1.0" | name.workspace = true
                var dot = entry.Key.IndexOf('.', StringComparison.Ordinal);
                var name = dot < 0 ? entry.Key : entry.Key[..dot];
                var version = dot < 0 ? entry.Value.String ?? entry.Value.FieldString("version")
                    : entry.Key[(dot + 1)..] == "version" ? entry.Value.String : null;
                Add(found, order, (name, section), version);
            }
            else if (SubTable(entry.Table) is { } sub)
            {
                // [dependencies.name] version = "1.0"
                Add(found, order, sub, entry.Key == "version" ? entry.Value.String : null);
            }
        }

        return order.Select(k => new Dependency(Ecosystem, k.Name, found[k], path, k.Development)).ToList();
    }

    /// <summary>For a dependency table, whether it is a development one; null for other tables.</summary>
    private static bool? Section(string table)
    {
        var last = table.StartsWith("target.", StringComparison.Ordinal) ? table[(table.LastIndexOf('.') + 1)..] : table;
        return last switch
        {
            "dependencies" or "workspace.dependencies" => false,
            "dev-dependencies" or "build-dependencies" => true,
            _ => null,
        };
    }

    private static (string Name, bool Development)? SubTable(string table)
    {
        var dot = table.LastIndexOf('.');
        return dot > 0 && !table.StartsWith("target.", StringComparison.Ordinal) && Section(table[..dot]) is { } development
            ? (table[(dot + 1)..], development)
            : null;
    }

    private static void Add(Dictionary<(string, bool), string?> found, List<(string, bool)> order, (string, bool) key, string? version)
    {
        if (!found.TryGetValue(key, out var existing))
        {
            order.Add(key);
        }

        found[key] = version ?? existing;
    }
}
