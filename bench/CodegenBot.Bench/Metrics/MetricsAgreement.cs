using System.Globalization;
using System.Text;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeMetrics;
using Microsoft.CodeAnalysis.CSharp;

namespace CodegenBot.Bench.Metrics;

/// <summary>
/// Compares the assessor's C# metrics with Microsoft's code metrics computed as Visual Studio does: the same
/// engine (AnalyzerUtilities' CodeAnalysisMetricData) over the project's full compilation — its sources, the
/// files the build generated (global usings, assembly info, source generator output) and every reference
/// assembly the build resolved. The assessor sees only the sources and the framework's reference assemblies.
/// </summary>
internal static class MetricsAgreement
{
    public static async Task<string> RunAsync(string repositoryRoot, string projectFolder, IReadOnlyList<string> references, IReadOnlyList<string> generated, IReadOnlyList<string> defines, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var sources = CSharpProjects.SourceFiles(Path.GetFullPath(projectFolder));
        var referenceStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var reference = await ReferenceMetricsAsync(root, sources, references, generated, defines, cancellationToken);
        await Console.Error.WriteLineAsync($"reference metrics: {System.Diagnostics.Stopwatch.GetElapsedTime(referenceStarted).TotalSeconds:0.0} s");

        var relative = sources.Select(s => Path.GetRelativePath(root, s).Replace('\\', '/')).ToList();
        var text = new StringBuilder();
        foreach (var usePackages in new[] { false, true })
        {
            text.AppendLine(usePackages
                ? "== Assessor with the restored packages (obj/project.assets.json, as after the validation's baseline build) =="
                : "== Assessor with sources and the framework's reference assemblies only ==");
            text.Append(await CompareAsync(root, relative, reference, new CSharpAnalyzer(usePackages), cancellationToken));
        }

        return text.ToString();
    }

    private static async Task<string> CompareAsync(string root, List<string> relative, ReferenceMetrics reference, CSharpAnalyzer analyzer, CancellationToken cancellationToken)
    {
        await analyzer.PrepareAsync(root, relative, cancellationToken);
        var functions = new Dictionary<(string, int), (int Cyclomatic, int? Mi, string Name)>();
        var types = new Dictionary<(string, int), (int? Coupling, int? Depth, int? Mi, string Name)>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var path in relative)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(root, path), cancellationToken);
            var analysis = await analyzer.AnalyzeAsync(new SourceFile(path, "csharp", text) { Root = root }, new LanguageOptions(), cancellationToken);
            foreach (var f in analysis.Functions)
            {
                functions.TryAdd((path, f.Line), (f.CyclomaticComplexity, f.MaintainabilityIndex, f.Name));
            }

            foreach (var t in analysis.Types)
            {
                types.TryAdd((path, t.Line), (t.ClassCoupling, t.DepthOfInheritance, t.MaintainabilityIndex, t.Name));
            }
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return Summarise(relative.Count, seconds, reference, functions, types);
    }

    private sealed record ReferenceMetrics(
        Dictionary<(string, int), (int Cyclomatic, int Mi)> Functions,
        Dictionary<(string, int), (int Coupling, int Depth, int Mi)> Types,
        int CompilationErrors);

    private static async Task<ReferenceMetrics> ReferenceMetricsAsync(string root, List<string> sources, IReadOnlyList<string> references, IReadOnlyList<string> generated, IReadOnlyList<string> defines, CancellationToken cancellationToken)
    {
        var parseOptions = CSharpProjects.ParseOptions.WithPreprocessorSymbols(defines);
        var trees = sources.Concat(generated)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path, cancellationToken: cancellationToken))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Reference",
            trees,
            references.Select(r => MetadataReference.CreateFromFile(r)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var errorList = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var group in errorList.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(5))
        {
            await Console.Error.WriteLineAsync($"reference compilation: {group.Count()} x {group.Key}: {group.First().GetMessage(CultureInfo.InvariantCulture)}");
        }

        var errors = errorList.Count;
        var context = new CodeMetricsAnalysisContext(compilation, cancellationToken);
        var functions = new Dictionary<(string, int), (int, int)>();
        var types = new Dictionary<(string, int), (int, int, int)>();
        var sourceSet = sources.ToHashSet(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => sourceSet.Contains(t.FilePath)))
        {
            var model = compilation.GetSemanticModel(tree);
            var rootNode = await tree.GetRootAsync(cancellationToken);
            foreach (var declaration in rootNode.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
                {
                    continue;
                }

                var data = await CodeAnalysisMetricData.ComputeAsync(type, context);
                Add(types, Key(root, type, tree), (data.CoupledNamedTypes.Count, data.DepthOfInheritance ?? 0, data.MaintainabilityIndex));
                var pending = new Stack<CodeAnalysisMetricData>(data.Children);
                while (pending.Count > 0)
                {
                    var current = pending.Pop();
                    foreach (var child in current.Children)
                    {
                        pending.Push(child);
                    }

                    if (current.Symbol is IMethodSymbol method)
                    {
                        foreach (var location in method.Locations.Where(l => l.IsInSource && l.SourceTree == tree))
                        {
                            functions.TryAdd((Relative(root, tree.FilePath), location.GetLineSpan().StartLinePosition.Line + 1), (current.CyclomaticComplexity, current.MaintainabilityIndex));
                        }
                    }
                }
            }
        }

        return new ReferenceMetrics(functions, types, errors);

        static (string, int) Key(string root, INamedTypeSymbol type, SyntaxTree tree) =>
            (Relative(root, tree.FilePath), type.Locations.First(l => l.SourceTree == tree).GetLineSpan().StartLinePosition.Line + 1);

        static void Add<TValue>(Dictionary<(string, int), TValue> map, (string, int) key, TValue value) => map.TryAdd(key, value);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Summarise(
        int files,
        double seconds,
        ReferenceMetrics reference,
        Dictionary<(string, int), (int Cyclomatic, int? Mi, string Name)> functions,
        Dictionary<(string, int), (int? Coupling, int? Depth, int? Mi, string Name)> types)
    {
        var matched = functions.Where(f => reference.Functions.ContainsKey(f.Key)).ToList();
        var ccEqual = matched.Count(f => f.Value.Cyclomatic == reference.Functions[f.Key].Cyclomatic);
        var miClose = matched.Count(f => f.Value.Mi is { } mi && Math.Abs(mi - reference.Functions[f.Key].Mi) <= 1);
        var miEqual = matched.Count(f => f.Value.Mi == reference.Functions[f.Key].Mi);
        var typeMatched = types.Where(t => reference.Types.ContainsKey(t.Key)).ToList();
        var couplingEqual = typeMatched.Count(t => t.Value.Coupling == reference.Types[t.Key].Coupling);
        var couplingClose = typeMatched.Count(t => t.Value.Coupling is { } c && Math.Abs(c - reference.Types[t.Key].Coupling) <= 1);
        var depthEqual = typeMatched.Count(t => t.Value.Depth == reference.Types[t.Key].Depth);
        var typeMiClose = typeMatched.Count(t => t.Value.Mi is { } mi && Math.Abs(mi - reference.Types[t.Key].Mi) <= 1);

        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Files: {files}; reference compilation errors: {reference.CompilationErrors}; assessor time {seconds:0.0} s");
        text.AppendLine(c, $"Functions: assessor {functions.Count}, reference methods {reference.Functions.Count}, matched {matched.Count}");
        text.AppendLine(c, $"  cyclomatic complexity equal: {ccEqual}/{matched.Count} = {Share(ccEqual, matched.Count)}");
        text.AppendLine(c, $"  maintainability index within ±1: {miClose}/{matched.Count} = {Share(miClose, matched.Count)} (equal: {Share(miEqual, matched.Count)})");
        text.AppendLine(c, $"Types: assessor {types.Count}, matched {typeMatched.Count}");
        text.AppendLine(c, $"  class coupling equal: {couplingEqual}/{typeMatched.Count} = {Share(couplingEqual, typeMatched.Count)} (within ±1: {Share(couplingClose, typeMatched.Count)})");
        text.AppendLine(c, $"  depth of inheritance equal: {depthEqual}/{typeMatched.Count} = {Share(depthEqual, typeMatched.Count)}");
        text.AppendLine(c, $"  maintainability index within ±1: {typeMiClose}/{typeMatched.Count} = {Share(typeMiClose, typeMatched.Count)}");
        text.AppendLine("Differences (first 15 functions, then 15 types):");
        foreach (var f in matched.Where(f => f.Value.Cyclomatic != reference.Functions[f.Key].Cyclomatic || f.Value.Mi is not { } mi || Math.Abs(mi - reference.Functions[f.Key].Mi) > 1).Take(15))
        {
            var r = reference.Functions[f.Key];
            text.AppendLine(c, $"  {f.Key.Item1}:{f.Key.Item2} {f.Value.Name}: cyclomatic {f.Value.Cyclomatic} vs {r.Cyclomatic}, MI {f.Value.Mi} vs {r.Mi}");
        }

        foreach (var t in typeMatched.Where(t => t.Value.Coupling != reference.Types[t.Key].Coupling || t.Value.Depth != reference.Types[t.Key].Depth).Take(15))
        {
            var r = reference.Types[t.Key];
            text.AppendLine(c, $"  {t.Key.Item1}:{t.Key.Item2} {t.Value.Name}: coupling {t.Value.Coupling} vs {r.Coupling}, depth {t.Value.Depth} vs {r.Depth}");
        }

        return text.ToString();

        static string Share(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }
}
