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

    FileSymbols ITextSymbolExtractor.Extract(string relativePath, ReadOnlySpan<char> text, CancellationToken cancellationToken) =>
        Extract(relativePath, text, null, cancellationToken);

    internal static FileSymbols Extract(string path, string text, CancellationToken cancellationToken) =>
        Extract(path, text, text, cancellationToken);

    /// <summary>
    /// The symbols of the text; <paramref name="whole"/> is the text as a string when the caller has one (otherwise it
    /// is made only when the file has no bodies to empty, or its skeleton does not parse cleanly).
    /// </summary>
    private static FileSymbols Extract(string path, ReadOnlySpan<char> text, string? whole, CancellationToken cancellationToken)
    {
        // Declarations are parsed from the skeleton (bodies emptied, every line where it was); references come from the
        // skeleton scan of the whole text. A skeleton that does not parse cleanly gives way to the original text.
        // The skeleton has no comments before declarations either: the documentation comments among them come back
        // from the scan, by where they were in the skeleton.
        var (skeleton, identifiers, _, docs) = CSharpSkeleton.Scan(text);
        var parsed = skeleton ?? whole ?? text.ToString();
        var tree = CSharpSyntaxTree.ParseText(parsed, ParseOptions, path, cancellationToken: cancellationToken);
        if (skeleton is not null && HasErrors(tree, cancellationToken))
        {
            parsed = whole ?? text.ToString();
            docs = [];
            tree = CSharpSyntaxTree.ParseText(parsed, ParseOptions, path, cancellationToken: cancellationToken);
        }

        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        var definitions = new List<SymbolDefinition>();
        AddDeclarations(root.Members, definitions, new Source(tree, path, parsed, text, docs));
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
    private static void AddDeclarations(SyntaxList<MemberDeclarationSyntax> members, List<SymbolDefinition> definitions, in Source source)
    {
        foreach (var member in members)
        {
            Add(member, definitions, source);
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    AddDeclarations(ns.Members, definitions, source);
                    break;
                case TypeDeclarationSyntax type:
                    AddDeclarations(type.Members, definitions, source);
                    break;
                case EnumDeclarationSyntax e:
                    foreach (var constant in e.Members)
                    {
                        Add(constant, definitions, source);
                    }

                    break;
            }
        }
    }

    private static void Add(MemberDeclarationSyntax member, List<SymbolDefinition> definitions, in Source source)
    {
        if (Describe(member, source.Parsed) is not { } found)
        {
            return;
        }

        var span = source.Tree.GetLineSpan(member.Span);
        var definition = new SymbolDefinition(
            found.Name, found.Kind, source.Path, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1,
            found.Signature, Container(member), Summary(member, source));
        definitions.Add(definition);

        // `int a, b;` and `event Action A, B;` define every name they list: one definition each, sharing the
        // declaration's lines, signature and summary (the repo map shows the declaration once).
        if (member is BaseFieldDeclarationSyntax { Declaration.Variables: { Count: > 1 } variables })
        {
            for (var i = 1; i < variables.Count; i++)
            {
                // A name missing in broken code (`int a, ;`) defines nothing.
                if (!variables[i].Identifier.IsMissing)
                {
                    definitions.Add(definition with { Name = variables[i].Identifier.ValueText });
                }
            }
        }
    }

    /// <summary>
    /// What the member walk reads: the tree, the text it was parsed from (the skeleton, or the file's text when there
    /// is none), the file's text, and the documentation comments the skeleton dropped.
    /// </summary>
    private readonly ref struct Source(SyntaxTree tree, string path, string parsed, ReadOnlySpan<char> text, IReadOnlyList<DocComment> docs)
    {
        public SyntaxTree Tree { get; } = tree;

        public string Path { get; } = path;

        public string Parsed { get; } = parsed;

        public ReadOnlySpan<char> Text { get; } = text;

        public IReadOnlyList<DocComment> Docs { get; } = docs;
    }

    private static bool HasErrors(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).ContainsDiagnostics
        && tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// The name, kind and one-line signature of a declaration this extractor reports. Signatures are written from
    /// slices of the parsed text (each part's span, as <c>ToString()</c> would give it) into one buffer, so a
    /// declaration costs one string for its signature and none for its parts.
    /// </summary>
    private static (string Name, SymbolKind Kind, string Signature)? Describe(MemberDeclarationSyntax node, string parsed)
    {
        var signature = new Signature(parsed);
        switch (node)
        {
            case BaseNamespaceDeclarationSyntax ns:
                var name = ns.Name.ToString();
                return (name, SymbolKind.Namespace, "namespace " + name);
            case EnumDeclarationSyntax e:
                signature.Modifiers(e.Modifiers).Literal("enum ").Literal(e.Identifier.ValueText).Bases(e.BaseList);
                return (e.Identifier.ValueText, SymbolKind.Enum, signature.ToString());
            case TypeDeclarationSyntax t:
                signature.Modifiers(t.Modifiers).Literal(TypeKeyword(t)).Literal(" ").Literal(t.Identifier.ValueText).Node(t.TypeParameterList).Node(t.ParameterList).Bases(t.BaseList);
                return (t.Identifier.ValueText, TypeKind(t), signature.ToString());
            case DelegateDeclarationSyntax d:
                signature.Modifiers(d.Modifiers).Literal("delegate ").Node(d.ReturnType).Literal(" ").Token(d.Identifier).Node(d.TypeParameterList).Node(d.ParameterList);
                return (d.Identifier.ValueText, SymbolKind.Delegate, signature.ToString());
            case MethodDeclarationSyntax m:
                signature.Modifiers(m.Modifiers).Node(m.ReturnType).Literal(" ").Node(m.ExplicitInterfaceSpecifier).Token(m.Identifier).Node(m.TypeParameterList).Node(m.ParameterList);
                return (m.Identifier.ValueText, SymbolKind.Method, signature.ToString());
            case ConstructorDeclarationSyntax c:
                signature.Modifiers(c.Modifiers).Token(c.Identifier).Node(c.ParameterList);
                return (c.Identifier.ValueText, SymbolKind.Constructor, signature.ToString());
            case PropertyDeclarationSyntax p:
                signature.Modifiers(p.Modifiers).Node(p.Type).Literal(" ").Node(p.ExplicitInterfaceSpecifier).Token(p.Identifier).Accessors(p.AccessorList).TrimEnd();
                return (p.Identifier.ValueText, SymbolKind.Property, signature.ToString());
            case EventDeclarationSyntax ev:
                signature.Modifiers(ev.Modifiers).Literal("event ").Node(ev.Type).Literal(" ").Node(ev.ExplicitInterfaceSpecifier).Token(ev.Identifier);
                return (ev.Identifier.ValueText, SymbolKind.Event, signature.ToString());
            case EventFieldDeclarationSyntax ef when ef.Declaration.Variables.Count > 0:
                signature.Modifiers(ef.Modifiers).Literal("event ").Node(ef.Declaration.Type).Literal(" ").Names(ef.Declaration.Variables);
                return (ef.Declaration.Variables[0].Identifier.ValueText, SymbolKind.Event, signature.ToString());
            case FieldDeclarationSyntax f when f.Declaration.Variables.Count > 0:
                signature.Modifiers(f.Modifiers).Node(f.Declaration.Type).Literal(" ").Names(f.Declaration.Variables);
                return (f.Declaration.Variables[0].Identifier.ValueText, f.Modifiers.Any(SyntaxKind.ConstKeyword) ? SymbolKind.Constant : SymbolKind.Field,
                    signature.ToString());
            case EnumMemberDeclarationSyntax member:
                return (member.Identifier.ValueText, SymbolKind.Constant, member.Identifier.ValueText);
            default:
                return null;
        }
    }

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

    private static string? Container(SyntaxNode node) => node.Parent switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
        _ => null,
    };

    /// <summary>
    /// The text of the first <c>&lt;summary&gt;</c> element of the node's first documentation comment (consecutive
    /// <c>///</c> lines, or a <c>/** */</c> block), one line, or null. Comments are read from the parsed text by
    /// position, line by line, so a declaration without a summary costs no allocation and one with a summary costs
    /// its string.
    /// </summary>
    private static string? Summary(SyntaxNode node, in Source source)
    {
        // A comment the skeleton dropped sat in the node's leading trivia: from the start of its full span to its first
        // token (at the token itself when nothing separated them). The first one there that Roslyn would not have read
        // as disabled code (an #if branch not taken) is the node's documentation, as the first documentation comment
        // of its trivia would have been.
        var docs = source.Docs;
        var (from, to) = (node.FullSpan.Start, node.SpanStart);
        for (var k = FirstAtOrAfter(docs, from); k < docs.Count && docs[k].At <= to; k++)
        {
            if (!InDisabledText(node, docs[k].At))
            {
                return DroppedSummary(docs[k], source.Text);
            }
        }

        return TriviaSummary(node, source.Parsed);
    }

    private static int FirstAtOrAfter(IReadOnlyList<DocComment> docs, int position)
    {
        var (low, high) = (0, docs.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = docs[middle].At < position ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private static bool InDisabledText(SyntaxNode node, int position)
    {
        if (!node.HasLeadingTrivia || !node.GetFirstToken().ContainsDirectives)
        {
            return false;
        }

        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia) && trivia.Span.Start <= position && position < trivia.Span.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The summary of a documentation comment the skeleton dropped, read from the file's text.</summary>
    private static string? DroppedSummary(DocComment doc, ReadOnlySpan<char> text)
    {
        var comment = text[doc.From..doc.To];
        if (doc.Block)
        {
            return SummaryReader.OfBlock(comment);
        }

        var reader = new SummaryReader();

        // Lines of the run: each is "///" and the rest of its line; only white space is between them.
        while (comment.IndexOf("///", StringComparison.Ordinal) is var start and >= 0)
        {
            var line = comment[(start + 3)..];
            var end = line.IndexOfAny(CSharpSkeleton.LineBreaks);
            if (reader.Read(end < 0 ? line : line[..end]))
            {
                return reader.Result;
            }

            comment = end < 0 ? [] : line[end..];
        }

        return null;
    }

    private static string? TriviaSummary(SyntaxNode node, string parsed)
    {
        var reader = new SummaryReader();
        var inLines = false;
        foreach (var trivia in node.GetLeadingTrivia())
        {
            var text = parsed.AsSpan(trivia.Span.Start, trivia.Span.Length);
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && DocComment.IsLine(text))
            {
                inLines = true;
                if (reader.Read(text[3..]))
                {
                    return reader.Result;
                }
            }
            else if (!inLines && trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) && DocComment.IsBlock(text))
            {
                return SummaryReader.OfBlock(text);
            }
            else if (inLines && !trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a documentation comment one line at a time (without its <c>///</c>, or a line of a <c>/** */</c> block)
    /// and joins the lines between the first <c>&lt;summary&gt;</c> and the <c>&lt;/summary&gt;</c> after it with
    /// single spaces, each trimmed of white space and leading slashes.
    /// </summary>
    private ref struct SummaryReader
    {
        private const string Open = "<summary>";
        private const string Close = "</summary>";

        [ThreadStatic]
        private static System.Text.StringBuilder? t_buffer;

        private System.Text.StringBuilder? _text;

        /// <summary>The summary of a <c>/** */</c> comment, read line by line between its delimiters.</summary>
        public static string? OfBlock(ReadOnlySpan<char> comment)
        {
            var reader = new SummaryReader();
            var body = comment.Length >= 5 ? comment[3..^2] : [];
            foreach (var line in body.SplitAny("\r\n"))
            {
                if (reader.Read(body[line]))
                {
                    return reader.Result;
                }
            }

            return null;
        }

        /// <summary>The summary once <see cref="Read"/> has returned true: null when it is empty.</summary>
        public readonly string? Result => _text is { Length: > 0 } text ? text.ToString() : null;

        /// <summary>Takes the next line; true when it closed the summary.</summary>
        public bool Read(ReadOnlySpan<char> line)
        {
            if (_text is null)
            {
                var open = line.IndexOf(Open, StringComparison.Ordinal);
                if (open < 0)
                {
                    return false;
                }

                _text = t_buffer ??= new();
                _text.Clear();
                line = line[(open + Open.Length)..];
            }

            var close = line.IndexOf(Close, StringComparison.Ordinal);
            var piece = (close < 0 ? line : line[..close]).Trim().TrimStart('/').Trim();
            if (piece.Length > 0)
            {
                (_text.Length > 0 ? _text.Append(' ') : _text).Append(piece);
            }

            return close >= 0;
        }
    }

    /// <summary>
    /// A signature written from slices of the parsed text: a node's or a token's span (the text <c>ToString()</c>
    /// gives, without the trivia around it) and literal separators, into one reused buffer per thread.
    /// </summary>
    private readonly ref struct Signature
    {
        [ThreadStatic]
        private static System.Text.StringBuilder? t_buffer;

        private readonly string _parsed;
        private readonly System.Text.StringBuilder _text;

        public Signature(string parsed)
        {
            _parsed = parsed;
            _text = t_buffer ??= new();
            _text.Clear();
        }

        public Signature Literal(string text)
        {
            _text.Append(text);
            return this;
        }

        public Signature Node(SyntaxNode? node)
        {
            if (node is not null)
            {
                _text.Append(_parsed.AsSpan(node.Span.Start, node.Span.Length));
            }

            return this;
        }

        public Signature Token(SyntaxToken token)
        {
            _text.Append(_parsed.AsSpan(token.Span.Start, token.Span.Length));
            return this;
        }

        /// <summary>The modifiers as written, then a space; nothing when there are none.</summary>
        public Signature Modifiers(SyntaxTokenList modifiers)
        {
            if (modifiers.Count > 0)
            {
                _text.Append(_parsed.AsSpan(modifiers.Span.Start, modifiers.Span.Length)).Append(' ');
            }

            return this;
        }

        /// <summary>A space and the base list, when there is one.</summary>
        public Signature Bases(BaseListSyntax? bases) => bases is null ? this : Literal(" ").Node(bases);

        /// <summary>The declared names, comma-separated (their value text: <c>@event</c> is <c>event</c>).</summary>
        public Signature Names(SeparatedSyntaxList<VariableDeclaratorSyntax> variables)
        {
            for (var k = 0; k < variables.Count; k++)
            {
                (k > 0 ? _text.Append(", ") : _text).Append(variables[k].Identifier.ValueText);
            }

            return this;
        }

        /// <summary>A space and the accessors without their bodies (<c>{ get; private set; }</c>), when there are any.</summary>
        public Signature Accessors(AccessorListSyntax? accessors)
        {
            if (accessors is null)
            {
                return this;
            }

            _text.Append(" { ");
            for (var k = 0; k < accessors.Accessors.Count; k++)
            {
                var accessor = accessors.Accessors[k];
                if (k > 0)
                {
                    _text.Append(' ');
                }

                Modifiers(accessor.Modifiers);
                _text.Append(accessor.Keyword.ValueText).Append(';');
            }

            _text.Append(" }");
            return this;
        }

        /// <summary>Drops white space at the end (a property's type and name can be missing in code that does not parse).</summary>
        public Signature TrimEnd()
        {
            var end = _text.Length;
            while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            _text.Length = end;
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
