namespace CodegenBot.Core.Configuration;

/// <summary>Merges configuration layers: sections merge key by key, anything else is replaced whole.</summary>
internal static class ConfigTree
{
    public static ConfigMap Merge(ConfigMap lower, ConfigMap upper)
    {
        var merged = lower.Entries.ToList();
        foreach (var (key, value) in upper.Entries)
        {
            var index = merged.FindIndex(e => e.Key == key);
            if (index < 0)
            {
                merged.Add(new(key, value));
            }
            else
            {
                var combined = merged[index].Value is ConfigMap lowerMap && value is ConfigMap upperMap
                    ? Merge(lowerMap, upperMap)
                    : value;
                merged[index] = new(key, combined);
            }
        }

        return lower with { Entries = merged };
    }

    /// <summary>Sets one dotted path (<c>model.name</c>) to a scalar, creating sections on the way.</summary>
    public static ConfigMap Set(ConfigMap root, IReadOnlyList<string> path, ConfigScalar value)
    {
        ConfigNode node = value;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            node = new ConfigMap(value.Source, [new(path[i], node)]);
        }

        return Merge(root, (ConfigMap)node);
    }

    /// <summary>Every leaf of the tree with its dotted path, in file order.</summary>
    public static IEnumerable<(string Path, ConfigNode Node)> Leaves(ConfigMap map, string prefix = "")
    {
        foreach (var (key, value) in map.Entries)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is ConfigMap { Entries.Count: > 0 } child)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, value);
            }
        }
    }
}
