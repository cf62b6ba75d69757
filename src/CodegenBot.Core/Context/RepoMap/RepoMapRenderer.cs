using System.Text;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.RepoMap;

/// <summary>
/// Renders a signatures-only map of files: each path, then its types and top-level functions, then their members,
/// one signature per line, no bodies. Private members are left out: the map tells the model what it can use.
/// </summary>
internal static class RepoMapRenderer
{
    private static readonly HashSet<SymbolKind> MemberKinds =
    [
        SymbolKind.Method, SymbolKind.Constructor, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event, SymbolKind.Constant,
    ];

    public static string Render(IEnumerable<FileSymbols> files)
    {
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            builder.Append(file.Path).Append(':').Append('\n');
            foreach (var definition in file.Definitions.Where(IsShown).OrderBy(d => d.Line))
            {
                var nested = definition.Container is not null && MemberKinds.Contains(definition.Kind);
                builder.Append(nested ? "    " : "  ").Append(OneLine(definition.Signature.Length > 0 ? definition.Signature : definition.Name)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static bool IsShown(SymbolDefinition definition) =>
        definition.Kind != SymbolKind.Namespace
        && !definition.Signature.StartsWith("private ", StringComparison.Ordinal)
        && !definition.Name.StartsWith('_');

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
