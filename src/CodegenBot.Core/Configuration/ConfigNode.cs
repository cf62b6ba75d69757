namespace CodegenBot.Core.Configuration;

/// <summary>A configuration value with the place it came from; layers merge as trees of these.</summary>
public abstract record ConfigNode(ConfigSource Source);

/// <summary>A section: ordered keys, each with its value.</summary>
public sealed record ConfigMap(ConfigSource Source, IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries) : ConfigNode(Source)
{
    /// <summary>The value of a key, or null.</summary>
    public ConfigNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}

/// <summary>A list of values.</summary>
public sealed record ConfigList(ConfigSource Source, IReadOnlyList<ConfigNode> Items) : ConfigNode(Source);

/// <summary>A single value, as written.</summary>
public sealed record ConfigScalar(ConfigSource Source, string Value) : ConfigNode(Source);
