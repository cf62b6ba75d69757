using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodegenBot.Core.Quality;

/// <summary>Parses C# with Roslyn; every syntax error is a correctness finding with file, line and column.</summary>
internal sealed class CSharpSyntaxAnalyzer : ILanguageAnalyzer
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    public string Language => "csharp";

    public bool CanAnalyze(string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);

    public async Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken)
    {
        var path = file.Path;
        var parseOptions = path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) ? ParseOptions.WithKind(SourceCodeKind.Script) : ParseOptions;
        var tree = CSharpSyntaxTree.ParseText(file.Content, parseOptions, path, cancellationToken: cancellationToken);
        var root = await tree.GetRootAsync(cancellationToken);
        var findings = root.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
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
                    Message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    FixHint = "correct the syntax so the file parses",
                };
            })
            .ToList();
        return new FileAnalysis { Path = path, Language = Language, Findings = findings };
    }
}
