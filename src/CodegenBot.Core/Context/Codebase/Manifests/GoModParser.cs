namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// <c>go.mod</c>: <c>require</c> lines and <c>require ( … )</c> blocks; <c>// indirect</c> requirements are left out
/// (the module did not choose them). A go.mod without a <c>module</c> line, or with an unclosed block, is malformed.
/// </summary>
internal sealed class GoModParser : IManifestParser
{
    public const string Ecosystem = "go";

    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "go.mod";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        _ = ModuleName(text) ?? throw new FormatException("go.mod has no module directive.");
        var result = new List<Dependency>();
        string? block = null;
        foreach (var raw in text.Split('\n'))
        {
            var comment = raw.IndexOf("//", StringComparison.Ordinal);
            var indirect = comment >= 0 && raw[comment..].Contains("indirect", StringComparison.Ordinal);
            var fields = (comment >= 0 ? raw[..comment] : raw).Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (block is not null)
            {
                if (fields[0] == ")")
                {
                    block = null;
                }
                else if (block == "require" && !indirect)
                {
                    result.Add(Require(fields, path));
                }

                continue;
            }

            if (fields is [var directive, "("])
            {
                block = directive;
            }
            else if (fields[0] == "require" && fields.Length >= 3 && !indirect)
            {
                result.Add(Require(fields[1..], path));
            }
        }

        return block is null ? result : throw new FormatException($"go.mod: '{block} (' is never closed.");
    }

    /// <summary>The module path of a go.mod, or null.</summary>
    public static string? ModuleName(string text) =>
        text.Split('\n').Select(l => l.Split("//")[0].Trim()).FirstOrDefault(l => l.StartsWith("module ", StringComparison.Ordinal))?[7..].Trim().Trim('"');

    private static Dependency Require(string[] fields, string path) =>
        new(Ecosystem, fields[0], fields.Length > 1 ? fields[1] : throw new FormatException($"go.mod: '{fields[0]}' has no version."), path, Development: false);
}
