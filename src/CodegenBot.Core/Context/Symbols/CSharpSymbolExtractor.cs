using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// C# symbols from Roslyn syntax trees (no compilation needed): namespaces, types and members with one-line
/// signatures and XML-doc summaries; references are the names the file uses that it does not define.
/// </summary>
internal sealed class CSharpSymbolExtractor : ITextSymbolExtractor
{
    /// <summary>
    /// Documentation comments are not parsed as XML (a third of the parse time on a well-documented repository): the
    /// summary is read from the comment's text, see <see cref="Summary"/>.
    /// </summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    public IReadOnlyList<string> Languages { get; } = ["csharp"];

    public Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
        TextSymbolExtraction.ExtractFiles(this, root, relativePaths, cancellationToken);

    FileSymbols ITextSymbolExtractor.Extract(string relativePath, string text, CancellationToken cancellationToken) =>
        Extract(relativePath, text, cancellationToken);

    internal static FileSymbols Extract(string path, string text, CancellationToken cancellationToken)
    {
        // Declarations are parsed from the skeleton (bodies emptied, every line where it was); references come from the
        // skeleton scan of the whole text. A skeleton that does not parse cleanly gives way to the original text.
        var (skeleton, identifiers) = CSharpSkeleton.Scan(text);
        var parsed = skeleton ?? text;
        var tree = CSharpSyntaxTree.ParseText(parsed, ParseOptions, path, cancellationToken: cancellationToken);
        if (!ReferenceEquals(parsed, text) && HasErrors(tree, cancellationToken))
        {
            parsed = text;
            tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path, cancellationToken: cancellationToken);
        }

        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        var definitions = new List<SymbolDefinition>();
        AddDeclarations(root.Members, definitions, tree, path, parsed);
        var defined = new HashSet<string>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            defined.Add(definition.Name);
        }

        var references = new List<string>(identifiers.Count);
        foreach (var identifier in identifiers)
        {
            if (!defined.Contains(identifier))
            {
                references.Add(identifier);
            }
        }

        references.Sort(StringComparer.Ordinal);
        return new FileSymbols(path, "csharp", definitions, references);
    }

    /// <summary>
    /// The declarations among the members, each followed by those inside it, in source order. Only member lists are
    /// walked (of the file, its namespaces, its types and its enums): no declaration this extractor reports can stand
    /// anywhere else, and visiting every other node (parameters, types, attributes, initializers) is what made a
    /// walk over the whole tree cost more than the parse.
    /// </summary>
    private static void AddDeclarations(SyntaxList<MemberDeclarationSyntax> members, List<SymbolDefinition> definitions, SyntaxTree tree, string path, string parsed)
    {
        foreach (var member in members)
        {
            Add(member, definitions, tree, path, parsed);
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    AddDeclarations(ns.Members, definitions, tree, path, parsed);
                    break;
                case TypeDeclarationSyntax type:
                    AddDeclarations(type.Members, definitions, tree, path, parsed);
                    break;
                case EnumDeclarationSyntax e:
                    foreach (var constant in e.Members)
                    {
                        Add(constant, definitions, tree, path, parsed);
                    }

                    break;
            }
        }
    }

    private static void Add(MemberDeclarationSyntax member, List<SymbolDefinition> definitions, SyntaxTree tree, string path, string parsed)
    {
        if (Describe(member) is { } found)
        {
            var span = tree.GetLineSpan(member.Span);
            definitions.Add(new SymbolDefinition(
                found.Name, found.Kind, path, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1,
                found.Signature, Container(member), Summary(member, parsed)));
        }
    }

    private static bool HasErrors(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).ContainsDiagnostics
        && tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

    private static (string Name, SymbolKind Kind, string Signature)? Describe(SyntaxNode node) => node switch
    {
        BaseNamespaceDeclarationSyntax ns => (ns.Name.ToString(), SymbolKind.Namespace, $"namespace {ns.Name}"),
        EnumDeclarationSyntax e => (e.Identifier.ValueText, SymbolKind.Enum, Join(e.Modifiers, "enum", e.Identifier.ValueText, e.BaseList)),
        TypeDeclarationSyntax t => (t.Identifier.ValueText, TypeKind(t), Join(t.Modifiers, TypeKeyword(t), t.Identifier.ValueText + t.TypeParameterList + t.ParameterList, t.BaseList)),
        DelegateDeclarationSyntax d => (d.Identifier.ValueText, SymbolKind.Delegate, $"{Modifiers(d.Modifiers)}delegate {d.ReturnType} {d.Identifier}{d.TypeParameterList}{d.ParameterList}"),
        MethodDeclarationSyntax m => (m.Identifier.ValueText, SymbolKind.Method, $"{Modifiers(m.Modifiers)}{m.ReturnType} {m.ExplicitInterfaceSpecifier}{m.Identifier}{m.TypeParameterList}{m.ParameterList}"),
        ConstructorDeclarationSyntax c => (c.Identifier.ValueText, SymbolKind.Constructor, $"{Modifiers(c.Modifiers)}{c.Identifier}{c.ParameterList}"),
        PropertyDeclarationSyntax p => (p.Identifier.ValueText, SymbolKind.Property, $"{Modifiers(p.Modifiers)}{p.Type} {p.ExplicitInterfaceSpecifier}{p.Identifier} {Accessors(p.AccessorList)}".TrimEnd()),
        EventDeclarationSyntax ev => (ev.Identifier.ValueText, SymbolKind.Event, $"{Modifiers(ev.Modifiers)}event {ev.Type} {ev.ExplicitInterfaceSpecifier}{ev.Identifier}"),
        EventFieldDeclarationSyntax ef when ef.Declaration.Variables.Count > 0 =>
            (ef.Declaration.Variables[0].Identifier.ValueText, SymbolKind.Event,
             $"{Modifiers(ef.Modifiers)}event {ef.Declaration.Type} {string.Join(", ", ef.Declaration.Variables.Select(v => v.Identifier.ValueText))}"),
        FieldDeclarationSyntax f when f.Declaration.Variables.Count > 0 =>
            (f.Declaration.Variables[0].Identifier.ValueText, f.Modifiers.Any(SyntaxKind.ConstKeyword) ? SymbolKind.Constant : SymbolKind.Field,
             $"{Modifiers(f.Modifiers)}{f.Declaration.Type} {string.Join(", ", f.Declaration.Variables.Select(v => v.Identifier.ValueText))}"),
        EnumMemberDeclarationSyntax member => (member.Identifier.ValueText, SymbolKind.Constant, member.Identifier.ValueText),
        _ => null,
    };

    private static SymbolKind TypeKind(TypeDeclarationSyntax type) => type switch
    {
        InterfaceDeclarationSyntax => SymbolKind.Interface,
        StructDeclarationSyntax => SymbolKind.Struct,
        RecordDeclarationSyntax => SymbolKind.Record,
        _ => SymbolKind.Class,
    };

    private static string TypeKeyword(TypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        _ => type.Keyword.ValueText,
    };

    private static string Join(SyntaxTokenList modifiers, string keyword, string name, BaseListSyntax? bases) =>
        $"{Modifiers(modifiers)}{keyword} {name}{(bases is null ? "" : " " + bases.ToString().Trim())}";

    private static string Modifiers(SyntaxTokenList modifiers) => modifiers.Count == 0 ? "" : modifiers.ToString() + " ";

    private static string Accessors(AccessorListSyntax? accessors) =>
        accessors is null ? "" : "{ " + string.Join(" ", accessors.Accessors.Select(a => $"{Modifiers(a.Modifiers)}{a.Keyword.ValueText};")) + " }";

    private static string? Container(SyntaxNode node) => node.Parent switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
        _ => null,
    };

    /// <summary>
    /// The text of the first <c>&lt;summary&gt;</c> element of the node's first documentation comment (consecutive
    /// <c>///</c> lines, or a <c>/** */</c> block), one line, or null. Comments are read from the parsed text by
    /// position, so a declaration without one costs no allocation.
    /// </summary>
    private static string? Summary(SyntaxNode node, string parsed)
    {
        System.Text.StringBuilder? comment = null;
        foreach (var trivia in node.GetLeadingTrivia())
        {
            var text = parsed.AsSpan(trivia.Span.Start, trivia.Span.Length);
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && text.StartsWith("///", StringComparison.Ordinal)
                && (text.Length == 3 || text[3] != '/'))
            {
                (comment ??= new()).Append(text[3..]).Append('\n');
            }
            else if (trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) && comment is not { Length: > 0 }
                && text.StartsWith("/**", StringComparison.Ordinal) && !text.StartsWith("/**/", StringComparison.Ordinal))
            {
                (comment ??= new()).Append(text[3..^2]);
                break;
            }
            else if (comment is { Length: > 0 } && !trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                break;
            }
        }

        if (comment is null)
        {
            return null;
        }

        var xml = comment.ToString().AsSpan();
        var open = xml.IndexOf("<summary>", StringComparison.Ordinal);
        var close = open < 0 ? -1 : xml[open..].IndexOf("</summary>", StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var summary = new System.Text.StringBuilder();
        var inner = xml.Slice(open + "<summary>".Length, close - "<summary>".Length);
        foreach (var range in inner.SplitAny("\r\n"))
        {
            var line = inner[range].Trim().TrimStart('/').Trim();
            if (line.Length > 0)
            {
                (summary.Length > 0 ? summary.Append(' ') : summary).Append(line);
            }
        }

        return summary.Length == 0 ? null : summary.ToString();
    }
}
