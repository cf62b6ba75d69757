namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>What a TOML value is, as far as manifests need.</summary>
internal enum TomlKind
{
    /// <summary>A quoted string.</summary>
    String,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An inline table.</summary>
    Table,

    /// <summary>A number, boolean or date, kept as written.</summary>
    Other,
}

/// <summary>A TOML value: a string or other scalar (<see cref="Text"/>), an array (<see cref="Items"/>) or an inline table (<see cref="Fields"/>).</summary>
internal sealed record TomlValue(TomlKind Kind, string Text, IReadOnlyList<TomlValue> Items, IReadOnlyDictionary<string, TomlValue> Fields)
{
    public static TomlValue Scalar(TomlKind kind, string text) => new(kind, text, [], new Dictionary<string, TomlValue>());

    /// <summary>The string itself, or null when the value is not a string.</summary>
    public string? String => Kind == TomlKind.String ? Text : null;

    /// <summary>A field of an inline table that is a string, or null.</summary>
    public string? FieldString(string key) => Fields.TryGetValue(key, out var value) ? value.String : null;
}

/// <summary>One <c>key = value</c> line of a TOML file, with the table it is in (dotted names unquoted: <c>tool.poetry.dependencies</c>).</summary>
internal sealed record TomlEntry(string Table, string Key, TomlValue Value);
