using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Quality.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeMetrics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>
/// C# through Roslyn: syntax errors; semantic errors where the project needs nothing but the framework or was restored; per
/// function cyclomatic complexity and maintainability index from <c>Microsoft.CodeAnalysis.AnalyzerUtilities</c>
/// (the engine of Visual Studio's code metrics) over the project's compilation; cognitive complexity and nesting
/// (<see cref="CognitiveComplexityWalker"/>); per type class coupling, depth of inheritance and maintainability
/// index; public API and its XML docs; naming by the repository's .editorconfig rules when it has any
/// (<see cref="EditorConfigNaming"/>), else by the .NET guidelines (<see cref="CSharpNaming"/>).
/// </summary>
internal sealed class CSharpAnalyzer : ILanguageAnalyzer
{
    /// <summary>
    /// Compiler errors that say something outside the sources is missing: an assembly, or code a source generator
    /// would have written (the assessor runs no generators). Dropped one by one; every other error is reported.
    /// </summary>
    private static readonly HashSet<string> MissingReferenceErrors = new(StringComparer.Ordinal)
    {
        "CS0246", "CS0234", "CS0012", "CS0400", "CS0518", "CS1069", "CS8795", "CS0759", "CS9248",
    };

    private readonly CSharpProjects _projects;
    private readonly ConditionalWeakTable<Compilation, MetricsCache> _metrics = new();

    // The .editorconfig naming rules per folder, read once per assessment (both the cache key and the analysis need them).
    private readonly ConcurrentDictionary<string, EditorConfigNaming> _naming = new(StringComparer.Ordinal);

    /// <summary>Creates the analyzer.</summary>
    /// <param name="usePackages">Whether restored projects' packages are referenced (their <c>obj/project.assets.json</c>); off, only the framework is.</param>
    public CSharpAnalyzer(bool usePackages = true) => _projects = new CSharpProjects(usePackages);

    public string Language => "csharp";

    public bool CanAnalyze(string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository's naming rules and the file's project (its other sources, build files, references) by content.</summary>
    public string Fingerprint(SourceFile file) => file.Root is null || file.Path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase)
        ? "alone"
        : NamingFor(file.Root, file.Path).Fingerprint + "\n" + _projects.Fingerprint(file.Root, file.Path);

    public void Release(string root)
    {
        _projects.Forget(Path.GetFullPath(root));
        _naming.Clear();
    }

    /// <summary>The resident project compilations (for tests).</summary>
    internal CSharpProjects Projects => _projects;

    public Task PrepareAsync(string root, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        _projects.Refresh(Path.GetFullPath(root));
        _naming.Clear();
        return Task.CompletedTask;
    }

    public async Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken)
    {
        var script = file.Path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);
        var parseOptions = script ? CSharpProjects.ParseOptions.WithKind(SourceCodeKind.Script) : CSharpProjects.ParseOptions;
        var fullPath = file.Root is null ? file.Path : Path.GetFullPath(Path.Combine(file.Root, file.Path));
        var (compilation, tree, selfContained) = script || file.Root is null
            ? Alone(CSharpSyntaxTree.ParseText(file.Content, parseOptions, fullPath, cancellationToken: cancellationToken))
            : _projects.For(file.Root, file.Path, file.Content, cancellationToken);
        var root = await tree.GetRootAsync(cancellationToken);
        var findings = root.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Diagnostic(file.Path, d, "correct the syntax so the file parses")).ToList();
        var isTest = FileRanker.IsTest(file.Path) || TestAttribute(root);
        var model = compilation.GetSemanticModel(tree);
        var metrics = await MetricsAsync(root, model, compilation, cancellationToken);
        if (selfContained && findings.Count == 0)
        {
            findings.AddRange(SemanticErrors(file.Path, model, cancellationToken));
        }

        var editorConfig = file.Root is null ? null : NamingFor(file.Root, file.Path);
        findings.AddRange(editorConfig is { HasRules: true }
            ? CSharpNaming.Violations(root, editorConfig).Select(v => Naming(file.Path, v.Token, v.Kind, v.Convention, v.Suggestion) with { Severity = v.Severity })
            : CSharpNaming.Violations(root, isTest).Select(v => Naming(file.Path, v.Token, v.Kind, v.Convention, v.Suggestion)));
        var text = tree.GetText(cancellationToken);
        return new FileAnalysis
        {
            Path = file.Path,
            Language = Language,
            Lines = text.Lines.Count,
            CodeLines = CodeLines(root),
            IsTest = isTest,
            Functions = Functions(root, model, metrics, cancellationToken),
            Types = Types(root, model, metrics, cancellationToken),
            PublicApi = PublicApi(root),
            Findings = findings,
        };
    }

    private EditorConfigNaming NamingFor(string root, string relativePath) =>
        _naming.GetOrAdd(
            Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, relativePath))) ?? root,
            _ => EditorConfigNaming.For(root, relativePath));

    private static (CSharpCompilation, SyntaxTree, bool) Alone(SyntaxTree tree) =>
        (CSharpCompilation.Create("Assessed", [tree], CSharpProjects.FrameworkReferences, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)), tree, false);

    /// <summary>
    /// Metric data of every type declared in the file and of its members, by symbol. A type's data is computed once
    /// per compilation and shared by the files that declare it (a partial class spread over fifty files is
    /// measured once, not fifty times).
    /// </summary>
    private async Task<Dictionary<ISymbol, CodeAnalysisMetricData>> MetricsAsync(SyntaxNode root, SemanticModel model, Compilation compilation, CancellationToken cancellationToken)
    {
        var shared = _metrics.GetValue(compilation, c => new MetricsCache(new CodeMetricsAnalysisContext(c, CancellationToken.None)));
        var bySymbol = new Dictionary<ISymbol, CodeAnalysisMetricData>(SymbolEqualityComparer.Default);
        foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type || bySymbol.ContainsKey(type))
            {
                continue;
            }

            var data = await shared.Types.GetOrAdd(type, t => new Lazy<Task<CodeAnalysisMetricData>>(() => CodeAnalysisMetricData.ComputeAsync(t, shared.Context))).Value;
            var pending = new Stack<CodeAnalysisMetricData>([data]);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                bySymbol.TryAdd(current.Symbol, current);
                foreach (var child in current.Children)
                {
                    pending.Push(child);
                }
            }
        }

        return bySymbol;
    }

    private sealed record MetricsCache(CodeMetricsAnalysisContext Context)
    {
        public ConcurrentDictionary<ISymbol, Lazy<Task<CodeAnalysisMetricData>>> Types { get; } = new(SymbolEqualityComparer.Default);
    }

    private static List<FunctionMetrics> Functions(SyntaxNode root, SemanticModel model, Dictionary<ISymbol, CodeAnalysisMetricData> metrics, CancellationToken cancellationToken)
    {
        var functions = new List<FunctionMetrics>();
        foreach (var node in root.DescendantNodes())
        {
            var (body, identifier, parameters, name) = node switch
            {
                BaseMethodDeclarationSyntax m when ((SyntaxNode?)m.Body ?? m.ExpressionBody) is { } b => (b, NameToken(m), m.ParameterList.Parameters.Count, MemberName(m)),
                AccessorDeclarationSyntax a when ((SyntaxNode?)a.Body ?? a.ExpressionBody) is { } b => (b, a.Keyword, a.Keyword.IsKind(SyntaxKind.GetKeyword) ? 0 : 1, AccessorName(a)),
                PropertyDeclarationSyntax { ExpressionBody: { } b } p => (b, p.Identifier, 0, Qualified(p, p.Identifier.ValueText)),
                IndexerDeclarationSyntax { ExpressionBody: { } b } i => (b, i.ThisKeyword, i.ParameterList.Parameters.Count, Qualified(i, "this[]")),
                _ => default((SyntaxNode, SyntaxToken, int, string)),
            };
            if (body is null)
            {
                continue;
            }

            var symbol = node is PropertyDeclarationSyntax or IndexerDeclarationSyntax
                ? (model.GetDeclaredSymbol(node, cancellationToken) as IPropertySymbol)?.GetMethod
                : model.GetDeclaredSymbol(node, cancellationToken);
            var data = symbol is null ? null : metrics.GetValueOrDefault(symbol);
            var (cognitive, nesting) = CognitiveComplexityWalker.Measure(body, name.Split('.')[^1], model, symbol);
            var start = identifier.GetLocation().GetLineSpan().StartLinePosition;
            functions.Add(new FunctionMetrics
            {
                Name = name,
                Line = start.Line + 1,
                Column = start.Character + 1,
                EndLine = node.GetLocation().GetLineSpan().EndLinePosition.Line + 1,
                CodeLines = CodeLines(body),
                Parameters = parameters,
                CyclomaticComplexity = data?.CyclomaticComplexity ?? 1,
                CognitiveComplexity = cognitive,
                MaxNestingDepth = nesting,
                MaintainabilityIndex = data?.MaintainabilityIndex,
            });
        }

        return functions;
    }

    private static List<TypeMetrics> Types(SyntaxNode root, SemanticModel model, Dictionary<ISymbol, CodeAnalysisMetricData> metrics, CancellationToken cancellationToken)
    {
        var types = new List<TypeMetrics>();
        foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            var symbol = model.GetDeclaredSymbol(declaration, cancellationToken);
            var data = symbol is null ? null : metrics.GetValueOrDefault(symbol);
            var start = declaration.Identifier.GetLocation().GetLineSpan().StartLinePosition;
            types.Add(new TypeMetrics
            {
                Name = symbol?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? declaration.Identifier.ValueText,
                Line = start.Line + 1,
                Column = start.Character + 1,
                ClassCoupling = data?.CoupledNamedTypes.Count,
                DepthOfInheritance = data?.DepthOfInheritance,
                MaintainabilityIndex = data?.MaintainabilityIndex,
                CyclomaticComplexity = data?.CyclomaticComplexity,
            });
        }

        return types;
    }

    /// <summary>Public types and members of public types, except overrides and explicit implementations (their docs are inherited).</summary>
    private static List<ApiSymbol> PublicApi(SyntaxNode root)
    {
        var api = new List<ApiSymbol>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or MemberDeclarationSyntax) || node is BaseNamespaceDeclarationSyntax or GlobalStatementSyntax
                || !IsPublic(node))
            {
                continue;
            }

            (SyntaxToken Token, string Kind) named = node switch
            {
                TypeDeclarationSyntax t => (t.Identifier, t.Keyword.ValueText),
                EnumDeclarationSyntax t => (t.Identifier, "enum"),
                DelegateDeclarationSyntax d => (d.Identifier, "delegate"),
                MethodDeclarationSyntax m => (m.Identifier, "method"),
                ConstructorDeclarationSyntax c => (c.Identifier, "constructor"),
                PropertyDeclarationSyntax p => (p.Identifier, "property"),
                EventDeclarationSyntax e => (e.Identifier, "event"),
                IndexerDeclarationSyntax i => (i.ThisKeyword, "indexer"),
                OperatorDeclarationSyntax o => (o.OperatorToken, "operator"),
                FieldDeclarationSyntax f when f.Declaration.Variables.Count > 0 => (f.Declaration.Variables[0].Identifier, "field"),
                EventFieldDeclarationSyntax e when e.Declaration.Variables.Count > 0 => (e.Declaration.Variables[0].Identifier, "event"),
                EnumMemberDeclarationSyntax v => (v.Identifier, "enum value"),
                _ => (default, ""),
            };
            var (token, kind) = named;
            if (kind.Length == 0)
            {
                continue;
            }

            var position = token.GetLocation().GetLineSpan().StartLinePosition;
            api.Add(new ApiSymbol(token.ValueText, kind, position.Line + 1, position.Character + 1, HasDocComment(node)));
        }

        return api;
    }

    private static bool IsPublic(SyntaxNode node)
    {
        for (var current = node; current is MemberDeclarationSyntax member and not BaseNamespaceDeclarationSyntax; current = current.Parent)
        {
            var modifiers = member.Modifiers;
            if (modifiers.Any(SyntaxKind.OverrideKeyword) || member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null } or PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
            {
                return false;
            }

            var inInterface = member.Parent is InterfaceDeclarationSyntax;
            var isEnumMember = member is EnumMemberDeclarationSyntax;
            if (!(modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.ProtectedKeyword) && !modifiers.Any(SyntaxKind.PrivateKeyword)
                || (inInterface && !modifiers.Any(SyntaxKind.PrivateKeyword)) || isEnumMember))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasDocComment(SyntaxNode node) => node.GetLeadingTrivia().Any(t =>
        t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia));

    private static bool TestAttribute(SyntaxNode root) => root.DescendantNodes().OfType<AttributeSyntax>().Any(a =>
        a.Name.ToString() is "Fact" or "Theory" or "Test" or "TestCase" or "TestMethod" or "DataTestMethod" or "Xunit.Fact" or "NUnit.Framework.Test");

    private static IEnumerable<Finding> SemanticErrors(string path, SemanticModel model, CancellationToken cancellationToken)
    {
        return model.GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && !MissingReferenceErrors.Contains(d.Id))
            .Select(d => Diagnostic(path, d, "fix the compiler error; the project does not build with it"));
    }

    private static Finding Diagnostic(string path, Microsoft.CodeAnalysis.Diagnostic d, string hint)
    {
        var position = d.Location.GetLineSpan().StartLinePosition;
        return new Finding
        {
            File = path,
            Line = position.Line + 1,
            Column = position.Character + 1,
            RuleId = d.Id,
            Dimension = QualityDimension.Correctness,
            Severity = FindingSeverity.Error,
            Message = d.GetMessage(CultureInfo.InvariantCulture),
            FixHint = hint,
        };
    }

    private static Finding Naming(string path, SyntaxToken token, string kind, string convention, string suggestion)
    {
        var position = token.GetLocation().GetLineSpan().StartLinePosition;
        return new Finding
        {
            File = path,
            Line = position.Line + 1,
            Column = position.Character + 1,
            RuleId = LimitRules.Naming,
            Dimension = QualityDimension.Readability,
            Severity = FindingSeverity.Warning,
            Message = $"{kind} '{token.ValueText}' is not {convention}",
            FixHint = $"rename it to '{suggestion}'",
        };
    }

    /// <summary>Lines holding at least one token of the node (comments and blank lines do not count).</summary>
    private static int CodeLines(SyntaxNode node)
    {
        var lines = new HashSet<int>();
        foreach (var token in node.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.EndOfFileToken) && !token.IsMissing)
            {
                var span = token.GetLocation().GetLineSpan();
                for (var line = span.StartLinePosition.Line; line <= span.EndLinePosition.Line; line++)
                {
                    lines.Add(line);
                }
            }
        }

        return lines.Count;
    }

    private static SyntaxToken NameToken(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => m.Identifier,
        ConstructorDeclarationSyntax c => c.Identifier,
        DestructorDeclarationSyntax d => d.Identifier,
        OperatorDeclarationSyntax o => o.OperatorToken,
        ConversionOperatorDeclarationSyntax c => c.Type.GetFirstToken(),
        _ => method.GetFirstToken(),
    };

    private static string MemberName(BaseMethodDeclarationSyntax method) => Qualified(method, method switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        ConstructorDeclarationSyntax => ".ctor",
        DestructorDeclarationSyntax => "Finalize",
        OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax c => "operator " + c.Type,
        _ => "?",
    });

    private static string AccessorName(AccessorDeclarationSyntax accessor)
    {
        var owner = accessor.Parent?.Parent switch
        {
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            EventDeclarationSyntax e => e.Identifier.ValueText,
            IndexerDeclarationSyntax => "this[]",
            _ => "?",
        };
        return Qualified(accessor.Parent!.Parent!, $"{owner}.{accessor.Keyword.ValueText}");
    }

    private static string Qualified(SyntaxNode member, string name) =>
        member.Parent is BaseTypeDeclarationSyntax type ? $"{type.Identifier.ValueText}.{name}" : name;
}
