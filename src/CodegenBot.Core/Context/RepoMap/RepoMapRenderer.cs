using System.Text;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.RepoMap;

/// <summary>
/// Renders a signatures-only map of files: each path, then its types and top-level functions, then their members,
/// one signature per line, no bodies. Private members are left out (in C#, also members declared without an access
/// modifier in a class, struct or record): the map tells the model what it can use.
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
            SymbolDefinition? previous = null;
            foreach (var definition in file.Definitions.Where(d => IsShown(d, file)).OrderBy(d => d.Line))
            {
                // One declaration of several names (`int a, b;`, or ctags' tags of `a = b = 1`) is one line. Tags of
                // different symbols that ctags gives the same line (a one-line `class A { int x; }`) are one line too,
                // at the first one's indentation: the line says all of them.
                if (previous is not null && previous.Line == definition.Line && definition.Signature.Length > 0 && previous.Signature == definition.Signature)
                {
                    continue;
                }

                previous = definition;
                var nested = definition.Container is not null && MemberKinds.Contains(definition.Kind);
                builder.Append(nested ? "    " : "  ").Append(OneLine(definition.Signature.Length > 0 ? definition.Signature : definition.Name)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static bool IsShown(SymbolDefinition definition, FileSymbols file) =>
        definition.Kind != SymbolKind.Namespace
        && !definition.Signature.StartsWith("private ", StringComparison.Ordinal)
        && !definition.Name.StartsWith('_')
        && !(file.Language == "csharp" && IsImplicitlyPrivate(definition, file.Definitions));

    /// <summary>
    /// A C# member or nested type declared without an access modifier in a class, struct or record, which makes it
    /// private (the type whose lines hold it names the container). Members of interfaces and enums, types in a
    /// namespace, and explicit interface implementations (<c>void IFoo.Bar()</c>) are not private that way.
    /// </summary>
    private static bool IsImplicitlyPrivate(SymbolDefinition definition, IReadOnlyList<SymbolDefinition> inFile)
    {
        if (definition.Container is null || HasAccessModifier(definition.Signature)
            || definition.Signature.Contains("." + definition.Name, StringComparison.Ordinal))
        {
            return false;
        }

        SymbolDefinition? container = null;
        foreach (var candidate in inFile)
        {
            // The innermost type of that name whose lines hold the member.
            if (candidate.Name == definition.Container && candidate.Line <= definition.Line && candidate.EndLine >= definition.EndLine
                && !ReferenceEquals(candidate, definition) && (container is null || candidate.Line >= container.Line))
            {
                container = candidate;
            }
        }

        return container?.Kind is SymbolKind.Class or SymbolKind.Struct or SymbolKind.Record;
    }

    /// <summary>Whether the modifiers a C# signature starts with hold an access modifier.</summary>
    private static bool HasAccessModifier(string signature)
    {
        var rest = signature.AsSpan();
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var word = space < 0 ? rest : rest[..space];
            if (word is "public" or "private" or "protected" or "internal")
            {
                return true;
            }

            if (word is not ("static" or "readonly" or "const" or "volatile" or "unsafe" or "new" or "override" or "virtual" or "abstract"
                or "sealed" or "extern" or "async" or "partial" or "required" or "file" or "fixed" or "ref" or ""))
            {
                return false;
            }

            rest = space < 0 ? default : rest[(space + 1)..];
        }

        return false;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
