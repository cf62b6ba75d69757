using CodegenBot.Core.Context.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodegenBot.Core.Tests.Context.Symbols;

public sealed class CSharpSkeletonTests
{
    /// <summary>Declarations of every shape whose blocks the skeleton must classify, with literals that hide braces.</summary>
    private const string Tricky = """"
        using System;
        namespace Demo
        {
            [Obsolete("not { a body")]
            public sealed class Service<T>(int size) : Base(size), IService where T : class, new()
            {
                private readonly Func<int, int> _twice = x => { return x * 2; };
                private readonly int[] _sizes = { 1, 2 };
                private readonly Options _options = new Options() { Retries = 3 };
                public (int Low, int High) Range { get; private set; }
                public int Count
                {
                    get { return _count; }
                    set { if (value > 0) { _count = value; } }
                }
                public string this[int index] { get { return Lookup(index); } }
                public event EventHandler Changed { add { } remove { } }
                public string Describe() => $"{Name}: {(Count > 1 ? "many" : "one")} {{literal}} {Count:N2}";
                public string Raw() { return $$"""{"size": {{size}}, "brace": "{"}"""; }
                public char Open() { var c = '{'; var q = '\''; return @"C:\{dir}\" == "" ? c : q; }
                public int Shape(object o) => o switch { int i => i, _ => 0 };
                public void Generic<TItem>(TItem item) where TItem : struct
                {
                    void Local() { Helper(item); }
                    // a comment with a brace {
                    /* and another } */
                    Local();
                }
                public static Service<T> operator +(Service<T> a, Service<T> b) { return a; }
                static Service() { Initialise(); }
                private sealed record Entry(string Key)
                {
                    public int Length => Key.Length;
                }
            }

            public enum Mode { Fast, Safe }
        #if DEBUG
            public interface IDebug { void Dump(); }
        #endif
        }
        """";

    [Fact]
    public void Scan_Tricky_KeepsEveryLineBreakAndDropsTheBodiesText()
    {
        var (skeleton, _) = CSharpSkeleton.Scan(Tricky);

        Assert.NotNull(skeleton);
        Assert.Equal(Tricky.Count(c => c == '\n'), skeleton.Count(c => c == '\n'));
        Assert.Equal(Tricky.Count(c => c == '\r'), skeleton.Count(c => c == '\r'));
        Assert.Contains("where TItem : struct\n        {\n\n\n\n\n}", skeleton, StringComparison.Ordinal); // Generic's five body lines
    }

    /// <summary>Every line break Roslyn counts, in a body: after emptying, each declaration is still on its own line.</summary>
    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    [InlineData("\u2029")]
    public void Scan_LineBreaksOfAnyKindInABody_KeepTheLinesOfLaterDeclarations(string lineBreak)
    {
        var source = string.Join(lineBreak, "class A", "{", "    void M()", "    {", "        Call();", "        Other();", "    }", "    int N;", "}", "");
        var mixed = source.Replace("Call();" + lineBreak, "Call();\r", StringComparison.Ordinal); // a lone CR before a later break

        foreach (var text in new[] { source, mixed })
        {
            var skeleton = CSharpSkeleton.Scan(text).Skeleton!;

            Assert.NotEqual(text, skeleton);
            Assert.Equal(Declarations(text), Declarations(skeleton));
        }
    }

    [Fact]
    public void Scan_CarriageReturnLineFeeds_AreKeptInsideEmptiedBodies()
    {
        const string Source = "class A\r\n{\r\n    void M()\r\n    {\r\n        Call();\r\n    }\r\n    int N;\r\n}\r\n";

        var skeleton = CSharpSkeleton.Scan(Source).Skeleton!;

        Assert.Equal("class A\r\n{\r\n    void M()\r\n    {\r\n\r\n}\r\n    int N;\r\n}\r\n", skeleton);
    }

    [Fact]
    public void Scan_Tricky_BlanksBodiesOnly()
    {
        var skeleton = CSharpSkeleton.Scan(Tricky).Skeleton!;

        Assert.DoesNotContain("Helper(item)", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("return x * 2", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("Lookup(index)", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("Initialise()", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("_count = value", skeleton, StringComparison.Ordinal);
        Assert.Contains("{ get; private set; }", skeleton, StringComparison.Ordinal);
        Assert.Contains("public int Length => default;", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("o switch", skeleton, StringComparison.Ordinal);
        Assert.Contains("public string Describe() => default;", skeleton, StringComparison.Ordinal);
        Assert.Contains("public interface IDebug { void Dump(); }", skeleton, StringComparison.Ordinal);
    }

    /// <summary>Expression-bodied members of every kind, with bodies that span lines and hide ';' and brackets.</summary>
    private const string ExpressionBodies = """
        namespace Demo;

        public sealed class Money(decimal amount) : IEquatable<Money>
        {
            private readonly Func<int, int> _next = x => x + 1;
            public decimal Amount => amount;
            public string Text =>
                $"{amount:N2} {(amount > 0 ? "credit" : "debit")} {{;}}";
            public Money this[int i] => new(amount * i);
            public int Size { get => _size; set => _size = value; }
            public int Other { get; } = Compute(() => 1);
            public event EventHandler Changed { add => _handlers += value; remove => _handlers -= value; }
            public static bool operator ==(Money a, Money b) => a.Equals(b);
            public static bool operator !=(Money a, Money b) => !(a == b);
            public static implicit operator decimal(Money m) => m.Amount;
            public Money(int cents) : this(cents / 100m) => Log(() => { var s = "x;"; Write(s); });
            public bool Equals(Money? other) => other switch
            {
                null => false,
                { Amount: var a } => a == amount,
            };
            ~Money() => Release();
            public override int GetHashCode() => amount.GetHashCode();
        }
        """;

    [Fact]
    public void Scan_ExpressionBodies_AreEmptiedToDefaultKeepingTheirLines()
    {
        var skeleton = CSharpSkeleton.Scan(ExpressionBodies).Skeleton!;

        Assert.Equal(ExpressionBodies.Count(c => c == '\n'), skeleton.Count(c => c == '\n'));
        Assert.Contains("public string Text => default\n;", skeleton, StringComparison.Ordinal);
        Assert.Contains("public int Size { get => default; set => default; }", skeleton, StringComparison.Ordinal);
        Assert.Contains("public bool Equals(Money? other) => default\n\n\n\n;", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("Write(s)", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("GetHashCode();", skeleton, StringComparison.Ordinal);

        // Initializers, and operators with '=' in their token, are left as they are.
        Assert.Contains("_next = x => x + 1;", skeleton, StringComparison.Ordinal);
        Assert.Contains("{ get; } = Compute(() => 1);", skeleton, StringComparison.Ordinal);
        Assert.Contains("operator ==(Money a, Money b) => a.Equals(b);", skeleton, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ExpressionBodies_DeclarationsEqualAFullParse()
    {
        var skeleton = CSharpSkeleton.Scan(ExpressionBodies).Skeleton!;

        Assert.Equal(Declarations(ExpressionBodies), Declarations(skeleton));
        Assert.DoesNotContain(CSharpSyntaxTree.ParseText(skeleton, cancellationToken: TestContext.Current.CancellationToken).GetDiagnostics(TestContext.Current.CancellationToken), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("class A\n{\n    int X => 1\n    public void M() { }\n    int Later;\n}\n")] // ';' missing: the body would run into M
    [InlineData("class A\n{\n    int X =>\n#if DEBUG\n        1;\n#else\n        2;\n#endif\n    void M() { Later(); }\n}\n")] // a directive inside
    [InlineData("class A\n{\n    int X => Call(1));\n    void M() { Later(); }\n}\n")] // a ')' the body did not open
    [InlineData("class C : System.Collections.IEnumerable\n{\n    public int Count => _items.Length\n    System.Collections.IEnumerator System.Collections.IEnumerable.M() => _items.GetEnumerator();\n    int Later;\n}\n")] // no modifier: the next line is not indented deeper
    [InlineData("class A\n{\n    int X => 1\n    [Obsolete] void M() { }\n    int Later;\n}\n")] // an attribute starts the next member
    public void Scan_ExpressionBodyThatRunsOn_GivesNoSkeletonButKeepsScanning(string source)
    {
        var (skeleton, identifiers) = CSharpSkeleton.Scan(source);

        Assert.Null(skeleton);
        Assert.Contains("Later", identifiers);
        Assert.Contains(CSharpSymbolExtractor.Extract("A.cs", source, TestContext.Current.CancellationToken).Definitions, d => d.Name == "M");
    }

    [Theory]
    [InlineData("class A\n{\n    int X =>\n#pragma warning disable CS0618\n        Old();\n    void M() { }\n}\n")] // a pragma goes with the body
    [InlineData("class A\n{\n    int X => @class.Count;\n    void M() { }\n}\n")] // a verbatim identifier is not a keyword
    [InlineData("class A\n{\n    int P { get; } = k switch { 1 => 2, _ => 3 };\n    void M() { }\n}\n")] // switch arms in an initializer
    [InlineData("class A\n{\n    int X => Run(c =>\n    {\n        var r = Empty<int>);\n    });\n    void M() { }\n}\n")] // a damaged lambda block inside a body
    [InlineData("class A\n{\n    static Func<int, int> F = new[] { 1 }.Length > 0 ? G : x => x + 1;\n    void M() { }\n}\n")] // an initializer going on after braces
    public void Scan_ExpressionBodiesThatEndWell_KeepTheSkeleton(string source)
    {
        var skeleton = CSharpSkeleton.Scan(source).Skeleton;

        Assert.NotNull(skeleton);
        Assert.Equal(source.Count(c => c == '\n'), skeleton.Count(c => c == '\n'));
        Assert.Contains(CSharpSymbolExtractor.Extract("A.cs", source, TestContext.Current.CancellationToken).Definitions, d => d.Name == "M" && d.Line == source[..source.IndexOf("void M", StringComparison.Ordinal)].Count(c => c == '\n') + 1);
    }

    [Fact]
    public void Scan_InitializerAfterBraces_IsNotAnExpressionBody()
    {
        var skeleton = CSharpSkeleton.Scan("class A\n{\n    static Func<int, int> F = new[] { 1 }.Length > 0 ? G : x => x + 1;\n}\n").Skeleton!;

        Assert.Contains("x => x + 1;", skeleton, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_Tricky_DeclarationsEqualAFullParse()
    {
        var skeleton = CSharpSkeleton.Scan(Tricky).Skeleton!;

        Assert.Equal(Declarations(Tricky), Declarations(skeleton));
        Assert.Contains("MethodDeclarationSyntax Generic@22-28", Declarations(skeleton));
    }

    [Fact]
    public void Scan_CommentsBeforeADeclaration_LeaveTheSkeleton_CommentsInsideOneStay()
    {
        const string source = """
            // Licensed under the MIT license.
            namespace N;

            /// <summary>A type.</summary>
            public class A : Base /* base note */, IFoo
            {
                /* a block
                   over lines */
                int x; // trailing note
                void M(int a, /* note */ int b) { /* in a body */ }
            }
            """;

        var (skeleton, _, _, docs) = CSharpSkeleton.Scan(source.AsSpan());

        Assert.NotNull(skeleton);
        Assert.DoesNotContain("Licensed", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("summary", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("a block", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("trailing", skeleton, StringComparison.Ordinal);
        Assert.Contains("/* base note */", skeleton, StringComparison.Ordinal);
        Assert.Contains("/* note */", skeleton, StringComparison.Ordinal);
        Assert.Equal(source.Count(c => c == '\n'), skeleton.Count(c => c == '\n'));
        var doc = Assert.Single(docs);
        Assert.Equal("/// <summary>A type.</summary>", source[doc.From..doc.To]);
        Assert.Equal(skeleton.IndexOf("public class A", StringComparison.Ordinal), skeleton.IndexOf('\n', doc.At) + 1);
    }

    [Fact]
    public void Scan_LineComment_EndsAtALoneCarriageReturn()
    {
        var identifiers = CSharpSkeleton.Scan("// a comment\rclass A { Widget w; }\r").Identifiers;

        Assert.Contains("Widget", identifiers);
    }

    [Fact]
    public void Scan_Identifiers_AreListedOncePerFile_InEveryFile_AndKeywordsOnlyWithAnAt()
    {
        var first = CSharpSkeleton.Scan("class A { Widget w; Widget v; int @class; int @event; void M() { Widget.Make(); } }").Identifiers;
        var second = CSharpSkeleton.Scan("class B { Widget w; object @class; }").Identifiers;
        var third = CSharpSkeleton.Scan("class C { event Action Changed; }").Identifiers;

        Assert.Equal(["Widget", "class", "event", "Make"], first);
        Assert.Equal(["Widget", "class"], second);
        Assert.Equal(["Action", "Changed"], third);
    }

    [Fact]
    public void Scan_Identifiers_ComeFromCodeAndInterpolationHolesNotCommentsStringsOrKeywords()
    {
        const string Source = """
            class A
            {
                // Mentioned in a comment only
                string B() => $"{Formatter.Format(value)} literal words {Count:yyyy}";
                void C() { var x = new Widget(); nameof(x); }
            }
            """;

        var identifiers = CSharpSkeleton.Scan(Source).Identifiers;

        Assert.Contains("Formatter", identifiers);
        Assert.Contains("Format", identifiers);
        Assert.Contains("Count", identifiers);
        Assert.Contains("Widget", identifiers);
        Assert.DoesNotContain("Mentioned", identifiers);
        Assert.DoesNotContain("literal", identifiers);
        Assert.DoesNotContain("yyyy", identifiers);
        Assert.DoesNotContain("var", identifiers);
        Assert.DoesNotContain("nameof", identifiers);
        Assert.DoesNotContain("class", identifiers);
    }

    /// <summary>Each branch of the conditional opens a brace: counted together, they never balance.</summary>
    private const string UnbalancedConditional = """
        class A
        {
        #if NET
            void M(int a) {
        #else
            void M() {
        #endif
                Call();
            }
        }
        """;

    [Fact]
    public void Scan_UnbalancedConditionalBraces_GivesNoSkeleton()
    {
        Assert.Null(CSharpSkeleton.Scan(UnbalancedConditional).Skeleton);
    }

    [Fact]
    public void Extract_UnbalancedConditionalBraces_FallsBackToTheFullText()
    {
        var symbols = CSharpSymbolExtractor.Extract("A.cs", UnbalancedConditional, TestContext.Current.CancellationToken);

        Assert.Contains(symbols.Definitions, d => d.Name == "M" && d.Signature == "void M()"); // NET is not defined: the #else branch is live
        Assert.Contains("Call", symbols.References);
    }

    [Fact]
    public void Scan_TopLevelStatements_AreNotBlanked()
    {
        const string Source = """
            if (args.Length > 0) { Console.WriteLine(args[0]); }
            record Point(int X, int Y) { public int Sum() { return X + Y; } }
            """;

        var skeleton = CSharpSkeleton.Scan(Source).Skeleton!;

        Assert.Contains("Console.WriteLine(args[0]);", skeleton, StringComparison.Ordinal);
        Assert.DoesNotContain("return X + Y;", skeleton, StringComparison.Ordinal);
    }

    /// <summary>Every declaration the extractor could report, with its kind, name and line span.</summary>
    private static List<string> Declarations(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Parse), cancellationToken: TestContext.Current.CancellationToken)
            .GetRoot(TestContext.Current.CancellationToken);
        return root.DescendantNodes(n => n is not BlockSyntax and not ArrowExpressionClauseSyntax)
            .Where(n => n is MemberDeclarationSyntax or EnumMemberDeclarationSyntax)
            .Select(n => $"{n.GetType().Name} {Name(n)}@{n.GetLocation().GetLineSpan().StartLinePosition.Line + 1}-{n.GetLocation().GetLineSpan().EndLinePosition.Line + 1}")
            .ToList();
    }

    private static string Name(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        EventDeclarationSyntax e => e.Identifier.ValueText,
        BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
        EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
        BaseFieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        _ => "",
    };
}
