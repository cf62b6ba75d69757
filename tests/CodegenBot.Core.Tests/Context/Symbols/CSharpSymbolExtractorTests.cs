using CodegenBot.Core.Context.Symbols;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodegenBot.Core.Tests.Context.Symbols;

public sealed class CSharpSymbolExtractorTests
{
    private const string Source = """
        namespace Demo.Http;

        /// <summary>
        /// Retries failed calls.
        /// </summary>
        public sealed class RetryPolicy : IRetryPolicy
        {
            private readonly Random _random = new();
            public const int MaxAttempts = 3;

            public RetryPolicy(TimeSpan baseDelay) { }

            public TimeSpan BaseDelay { get; init; }

            /// <summary>The delay before a retry.</summary>
            public TimeSpan NextDelay<T>(int attempt, T state) => TimeSpan.FromSeconds(attempt);

            private sealed class Nested { }
        }

        public record Outcome(bool Succeeded);

        public enum Strategy { Fixed, Exponential }
        """;

    [Fact]
    public void Extract_Fixture_ReturnsDefinitionsWithSignaturesContainersAndSummaries()
    {
        var symbols = CSharpSymbolExtractor.Extract("src/RetryPolicy.cs", Source, TestContext.Current.CancellationToken);

        var rows = symbols.Definitions.Select(d => $"{d.Kind} {d.Name} @{d.Line} in {d.Container}: {d.Signature}").ToList();
        Assert.Equal(
        [
            "Namespace Demo.Http @1 in : namespace Demo.Http",
            "Class RetryPolicy @6 in Demo.Http: public sealed class RetryPolicy : IRetryPolicy",
            "Field _random @8 in RetryPolicy: private readonly Random _random",
            "Constant MaxAttempts @9 in RetryPolicy: public const int MaxAttempts",
            "Constructor RetryPolicy @11 in RetryPolicy: public RetryPolicy(TimeSpan baseDelay)",
            "Property BaseDelay @13 in RetryPolicy: public TimeSpan BaseDelay { get; init; }",
            "Method NextDelay @16 in RetryPolicy: public TimeSpan NextDelay<T>(int attempt, T state)",
            "Class Nested @18 in RetryPolicy: private sealed class Nested",
            "Record Outcome @21 in Demo.Http: public record Outcome(bool Succeeded)",
            "Enum Strategy @23 in Demo.Http: public enum Strategy",
            "Constant Fixed @23 in Strategy: Fixed",
            "Constant Exponential @23 in Strategy: Exponential",
        ], rows);
        Assert.Equal("Retries failed calls.", symbols.Definitions[1].Summary);
        Assert.Equal("The delay before a retry.", symbols.Definitions.Single(d => d.Name == "NextDelay").Summary);
    }

    [Fact]
    public void Extract_Events_FieldLikeWithAccessorsAndExplicit()
    {
        const string source = """
            public class Button
            {
                /// <summary>Raised on a click.</summary>
                public event EventHandler? Clicked;
                internal static event Action<int> Opened, Closed;
                public event EventHandler Pressed { add { } remove { } }
                event EventHandler IControl.Focused { add { } remove { } }
                int IControl.Tabs => 4;
            }
            """;

        var symbols = CSharpSymbolExtractor.Extract("src/Button.cs", source, TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "Event Clicked @4 in Button: public event EventHandler? Clicked",
            "Event Opened @5 in Button: internal static event Action<int> Opened, Closed",
            "Event Closed @5 in Button: internal static event Action<int> Opened, Closed",
            "Event Pressed @6 in Button: public event EventHandler Pressed",
            "Event Focused @7 in Button: event EventHandler IControl.Focused",
            "Property Tabs @8 in Button: int IControl.Tabs",
        ], symbols.Definitions.Where(d => d.Kind is SymbolKind.Event or SymbolKind.Property).Select(d => $"{d.Kind} {d.Name} @{d.Line} in {d.Container}: {d.Signature}"));
        Assert.Equal("Raised on a click.", symbols.Definitions.Single(d => d.Name == "Clicked").Summary);
        Assert.DoesNotContain("Clicked", symbols.References);
    }

    [Fact]
    public void Extract_FieldListMissingAName_DefinesTheNamesWritten()
    {
        var symbols = CSharpSymbolExtractor.Extract("Broken.cs", "class C\n{\n    int a, , b;\n    int c, ;\n}\n", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(symbols.Definitions, d => d.Name.Length == 0);
        Assert.Contains(symbols.Definitions, d => d.Name == "b");
        Assert.Contains(symbols.Definitions, d => d.Name == "c");
    }

    [Fact]
    public void Extract_Summaries_ComeFromTheFirstDocumentationCommentWithoutXmlParsing()
    {
        const string source = """
            class Docs
            {
                /// <summary>
                /// Reads a <see cref="Docs"/>
                /// value.
                /// </summary>
                /// <param name="x">Not the summary.</param>
                void Lines(int x) { }

                /** <summary>Block form.</summary> */
                void Block() { }

                //// <summary>Four slashes: an ordinary comment.</summary>
                void Ordinary() { }

                /// <summary>First.</summary>
                // an ordinary comment between
                /// <summary>Second.</summary>
                void FirstBlockOnly() { }

                /// <remarks>No summary here.</remarks>
                void NoSummary() { }
            }
            """;

        var symbols = CSharpSymbolExtractor.Extract("Docs.cs", source, TestContext.Current.CancellationToken);

        var summaries = symbols.Definitions.Where(d => d.Kind == SymbolKind.Method).Select(d => $"{d.Name}: {d.Summary}").ToList();
        Assert.Equal(["Lines: Reads a <see cref=\"Docs\"/> value.", "Block: Block form.", "Ordinary: ", "FirstBlockOnly: First.", "NoSummary: "], summaries);
    }

    [Fact]
    public void Extract_Signatures_KeepEachPartAsWrittenAndSummariesTakeOneLine()
    {
        const string source = """
            namespace N.M
            {
                /** <summary>
                 * Block over
                 * lines.</summary> */
                public sealed partial class @event<T> : Base<T>, IFoo where T : class
                {
                    public static async Task<int> Run<TResult>(int a, /* note */ string b = "x",
                        params object[] rest) where TResult : new() => 1;
                    int P { }
                    protected internal int Q { get; private set; } = 3;
                    int @class, second;
                    public event Action A, B;
                    int IFoo.Sides => 4;
                    /// <summary>Unclosed
                    void NoClose() { }
                    /// text <summary> inline </summary> after
                    public   virtual   void Spaced ( ) { }
                    public event EventHandler<int> Changed { add { } remove { } }
                    public delegate void D<in X>(X x);
                    public record struct R(int X, int Y) : IFoo;
                    enum E : byte { One = 1, Two }
                }
            }
            """;

        var symbols = CSharpSymbolExtractor.Extract("Edge.cs", source, TestContext.Current.CancellationToken);

        // Type and field names are value text (no @), member names as written; modifiers and parameter lists keep
        // their inner spacing and comments; an empty accessor list keeps the two spaces it always had.
        Assert.Equal(
            [
                "namespace N.M |",
                "public sealed partial class event<T> : Base<T>, IFoo | * Block over * lines.",
                "public static async Task<int> Run<TResult>(int a, /* note */ string b = \"x\",\n            params object[] rest) |",
                "int P {  } |",
                "protected internal int Q { get; private set; } |",
                "int class, second |",
                "int class, second |",
                "public event Action A, B |",
                "public event Action A, B |",
                "int IFoo.Sides |",
                "void NoClose() |",
                "public   virtual void Spaced( ) | inline",
                "public event EventHandler<int> Changed |",
                "public delegate void D<in X>(X x) |",
                "public record struct R(int X, int Y) : IFoo |",
                "enum E : byte |",
                "One |",
                "Two |",
            ],
            symbols.Definitions.Select(d => $"{d.Signature} | {d.Summary}".TrimEnd()));
    }

    [Fact]
    public void Extract_Summaries_AreTheFirstDocumentationCommentRoslynWouldAttach()
    {
        // The skeleton drops comments before declarations; each summary must still be the one the member's leading
        // trivia would give: not one in an #if branch not taken, not one after code on the previous line, the first
        // run when an ordinary comment splits two, none when an attribute comes between.
        const string source = "class A\n{\n#if FOO\n    /// <summary>old</summary>\n    void Old() { }\n#endif\n"
            + "    /// <summary>new</summary>\n    void New() { }\n"
            + "    int x; /// <summary>same line</summary>\n    /// <summary>next line</summary>\n    void AfterCode() { }\n"
            + "    /// <summary>first</summary>\n    // plain\n    /// <summary>second</summary>\n    void Split() { }\n"
            + "    /** <summary>block</summary> */\n    /// <summary>lines</summary>\n    void BlockFirst() { }\n"
            + "    [Obsolete]\n    /// <summary>after attribute</summary>\n    void AfterAttribute() { }\n"
            + "    enum E\n    {\n        /// <summary>one</summary>\n        One,\n        /// <summary>two</summary>\n        Two,\n    }\n"
            + "    /// <summary>region first</summary>\n    #region R\n    void InRegion() { }\n    #endregion\n"
            + "    /// <summary>cr only</summary>\r    void CrOnly() { }\r}\n";

        var symbols = CSharpSymbolExtractor.Extract("A.cs", source, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["A: ", "New: new", "x: ", "AfterCode: next line", "Split: first", "BlockFirst: block", "AfterAttribute: ", "E: ", "One: one", "Two: two",
             "InRegion: region first", "CrOnly: cr only"],
            symbols.Definitions.Select(d => $"{d.Name}: {d.Summary}"));
    }

    [Theory]
    [InlineData("class A {\r// c\n    void M() { }\n}\n", 3, null)] // a dropped comment between a lone CR and a LF
    [InlineData("class A {\r/* c */\n    void M() { }\n}\n", 3, null)]
    [InlineData("class C\n{\n    /** <summary>Adds.</summary> */void M() { }\n}\n", 3, "Adds.")] // glued to the member
    [InlineData("class C\n{\n    /* x */ /// <summary>X</summary>\n    void M() { }\n}\n", 4, "X")] // after another comment
    [InlineData("class C\n{\n\f/// <summary>X</summary>\n    void M() { }\n}\n", 4, "X")] // after a form feed
    [InlineData("class C\n{\n\u00A0/// <summary>X</summary>\n    void M() { }\n}\n", 4, "X")] // after a no-break space
    public void Extract_DroppedComments_KeepLinesAndSummariesAsTheFullParseHasThem(string source, int line, string? summary)
    {
        var method = CSharpSymbolExtractor.Extract("A.cs", source, TestContext.Current.CancellationToken).Definitions.Single(d => d.Name == "M");

        Assert.Equal((line, summary), (method.Line, method.Summary));
    }

    [Fact]
    public void Extract_References_AreUsedNamesNotOwnDefinitions()
    {
        var symbols = CSharpSymbolExtractor.Extract("src/RetryPolicy.cs", Source, TestContext.Current.CancellationToken);

        Assert.Contains("IRetryPolicy", symbols.References);
        Assert.Contains("TimeSpan", symbols.References);
        Assert.Contains("Random", symbols.References);
        Assert.DoesNotContain("RetryPolicy", symbols.References);
        Assert.Equal(symbols.References.Order(StringComparer.Ordinal), symbols.References);
    }

    [Fact]
    public void Extract_SyntaxError_StillYieldsWhatItCan()
    {
        var symbols = CSharpSymbolExtractor.Extract("a.cs", "class A { void M( { } \nclass B { }", TestContext.Current.CancellationToken);

        Assert.Contains(symbols.Definitions, d => d.Name == "A");
    }

    [Fact]
    public async Task ExtractAsync_MissingFile_IsSkipped()
    {
        var folder = Directory.CreateTempSubdirectory("codegen-cs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.cs"), "class A { }");

            var result = await new CSharpSymbolExtractor().ExtractAsync(folder, ["a.cs", "missing.cs"], TestContext.Current.CancellationToken);

            Assert.Equal(["a.cs"], result.Select(r => r.Path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Varied = """
        using System;
        Console.WriteLine(Run(2));
        static int Run(int x) { int Local() => x; return Local(); }

        namespace Outer
        {
            namespace Inner.Deeper
            {
                public interface IShape { double Area { get; } event EventHandler Changed; }
                public abstract partial class Shape<T> : IShape where T : struct
                {
                    public const string Kind = "shape", Other = "x";
                    private int _a, _b;
                    protected Shape(int a) { _a = a; Action f = () => { int inner = 1; }; }
                    public abstract double Area { get; }
                    public event EventHandler Changed { add { } remove { } }
                    public event EventHandler? Simple;
                    public int this[int i] => i;
                    public static Shape<T> operator +(Shape<T> s, int k) => s;
                    ~Shape() { }
                    public delegate void Callback(T value);
                    private sealed record class Point(int X, int Y) { public int Sum => X + Y; }
                    private struct Pair { public int Left; public int Right() { return Left; } }
                    private enum Color { Red = 1, Green, Blue }
                }
            }

            public static class Extensions
            {
                extension(string text)
                {
                    public bool IsBlank => string.IsNullOrWhiteSpace(text);
                    public string Twice() => text + text;
                }
            }
        }

        file record struct Tiny(int V);
        """;

    [Fact]
    public void Extract_FindsTheDeclarationsAWholeTreeWalkFinds_AlsoInBrokenCode()
    {
        // Every variant with one structural character deleted or a brace added exercises the parser's error
        // recovery: a declaration must be found wherever a walk over every node of the same tree finds one.
        var variants = new List<string> { Source, Varied };
        foreach (var text in new[] { Source, Varied })
        {
            for (var i = 0; i < text.Length; i++)
            {
                if ("{}();,=<>\"".Contains(text[i]))
                {
                    variants.Add(text.Remove(i, 1));
                    variants.Add(text.Insert(i, text[i] == '{' ? "}" : "{"));
                }
            }
        }

        foreach (var text in variants)
        {
            var symbols = CSharpSymbolExtractor.Extract("a.cs", text, TestContext.Current.CancellationToken);

            Assert.Equal(WholeTreeWalk(text), symbols.Definitions.Select(d => (d.Line, d.Name)));
        }
    }

    /// <summary>The oracle: the tree the extractor reads (skeleton, or the text when that has errors), every node visited outside bodies.</summary>
    private static List<(int Line, string Name)> WholeTreeWalk(string text)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview, Microsoft.CodeAnalysis.DocumentationMode.None);
        var skeleton = CSharpSkeleton.Scan(text).Skeleton;
        var tree = CSharpSyntaxTree.ParseText(skeleton ?? text, options);
        if (skeleton is not null && tree.GetDiagnostics().Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            tree = CSharpSyntaxTree.ParseText(text, options);
        }

        return tree.GetRoot().DescendantNodes(n => n is not BlockSyntax and not ArrowExpressionClauseSyntax)
            .Select(node => (Node: node, Name: node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax d => d.Identifier.ValueText,
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                ConstructorDeclarationSyntax c => c.Identifier.ValueText,
                PropertyDeclarationSyntax p => p.Identifier.ValueText,
                EventDeclarationSyntax e => e.Identifier.ValueText,
                BaseFieldDeclarationSyntax { Declaration.Variables.Count: > 0 } f => string.Join('\n', f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
                EnumMemberDeclarationSyntax member => member.Identifier.ValueText,
                _ => null,
            }))
            .Where(found => found.Name is not null)
            .SelectMany(found => found.Name!.Split('\n').Select(name => (tree.GetLineSpan(found.Node.Span).StartLinePosition.Line + 1, name)))
            .ToList();
    }
}
