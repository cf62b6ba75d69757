namespace CodegenBot.Testing;

/// <summary>Environments passed explicitly, so tests never touch process-wide variables.</summary>
public static class TestEnvironment
{
    /// <summary>A new environment holding only the given variables.</summary>
    public static IReadOnlyDictionary<string, string?> With(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
