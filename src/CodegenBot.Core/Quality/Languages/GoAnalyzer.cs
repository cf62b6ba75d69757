using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// Analyses Go: functions and methods (named <c>Type.Method</c>), structs and interfaces, doc comments on exported
/// identifiers, MixedCaps naming and what a tokenizer sees of syntax. Cyclomatic complexity follows gocyclo: if,
/// for, case (not default), <c>&amp;&amp;</c>, <c>||</c>; a function literal's decisions count for the function holding it.
/// </summary>
internal sealed class GoAnalyzer : ILanguageAnalyzer
{
    private static readonly HashSet<string> Controls = ["if", "for", "switch", "select", "else"];
    private static readonly CLikeRules Rules = new() { Decision = Decision, ControlOf = ControlOf };

    public string Language => "go";

    public bool CanAnalyze(string path) => path.EndsWith(".go", StringComparison.OrdinalIgnoreCase);

    public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Analyze(file, options));

    private FileAnalysis Analyze(SourceFile file, LanguageOptions options)
    {
        if (SourceFacts.LooksBinary(file.Content))
        {
            return new FileAnalysis { Path = file.Path, Language = Language };
        }

        var source = new CLikeFile(MaskedSource.Create(file.Content, LexicalFamily.CStyle), Rules);
        var naming = options.Style.Naming;
        var findings = source.Brackets.Findings(file.Path, source.Tokens, source.Masked, source.Unterminated);
        var functions = new List<FunctionMetrics>();
        var types = new List<TypeMetrics>();
        var api = new List<ApiSymbol>();
        var spans = new List<(FunctionSpan Span, string Name, int Keyword)>();
        for (var i = 0; i < source.Tokens.Count; i++)
        {
            if (source.Is(i, "func") && IsLineStart(source, i) && Function(source, i) is { } function)
            {
                spans.Add(function);
            }
            else if (source[i].Text is "struct" or "interface" && source.Is(i + 1, "{") && TypeName(source, i) is var name and >= 0)
            {
                var (line, column) = source.Masked.Position(source[name].Offset);
                types.Add(new TypeMetrics { Name = source[name].Text, Line = line, Column = column });
                Check(naming, source[name].Text, "type", file.Path, line, column, findings);
                AddExported(source, name, source.Is(name - 1, "type") ? name - 1 : name, "type", source[name].Text, api);
            }
        }

        var package = source.Tokens.FindIndex(t => t.Is("package"));
        if (package >= 0 && source[package + 1].Kind == TokenKind.Word && naming.TryGetValue("package", out var packageConvention) &&
            !Naming.Follows(source[package + 1].Text, packageConvention) && !source[package + 1].Text.EndsWith("_test", StringComparison.Ordinal))
        {
            var (line, column) = source.Masked.Position(source[package + 1].Offset);
            findings.Add(Naming.Finding(file.Path, line, column, source[package + 1].Text, "package", packageConvention));
        }

        var all = spans.Select(s => s.Span).ToList();
        foreach (var (span, name, keyword) in spans)
        {
            var metrics = source.Measure(span, name, all);
            functions.Add(metrics);
            var simple = span.Name!;
            var isTest = simple.StartsWith("Test", StringComparison.Ordinal) || simple.StartsWith("Benchmark", StringComparison.Ordinal) ||
                simple.StartsWith("Example", StringComparison.Ordinal) || simple.StartsWith("Fuzz", StringComparison.Ordinal);
            if (!isTest)
            {
                Check(naming, simple, "function", file.Path, metrics.Line, metrics.Column, findings);
            }

            AddExported(source, span.NameToken, keyword, name.Contains('.', StringComparison.Ordinal) ? "method" : "function", name, api);
        }

        var map = source.CodeLineMap;
        return new FileAnalysis
        {
            Path = file.Path,
            Language = Language,
            Lines = SourceFacts.LineCount(file.Content),
            CodeLines = SourceFacts.CodeLines(map, 1, map.Length),
            IsTest = file.Path.EndsWith("_test.go", StringComparison.OrdinalIgnoreCase) || SourceFacts.InTestFolder(file.Path) ||
                file.Content.Contains("\"testing\"", StringComparison.Ordinal),
            Functions = functions,
            Types = types,
            PublicApi = [.. api.OrderBy(a => a.Line)],
            Findings = findings,
        };
    }

    private static int Decision(CLikeFile f, int i)
    {
        var t = f.Tokens[i];
        return t.Kind switch
        {
            TokenKind.Word when t.Text is "if" or "for" or "case" => 1,
            TokenKind.Symbol when t.Text is "&&" or "||" => 1,
            _ => 0,
        };
    }

    // Go's headers have no parentheses: the block's keyword is the first word on the brace's line after any `}`.
    private static string? ControlOf(CLikeFile f, int brace)
    {
        var k = brace - 1;
        while (k >= 0 && k > brace - 256 && f[k].Line == f[brace].Line && !f.Is(k, "{") && !f.Is(k, "}"))
        {
            k = f.MatchOf(k) is var open and >= 0 && open < k ? open - 1 : k - 1;
        }

        var first = f[k + 1];
        return first.Kind == TokenKind.Word && Controls.Contains(first.Text) ? (first.Is("else") && f.Is(k + 2, "if") ? "if" : first.Text) : null;
    }

    private static bool IsLineStart(CLikeFile f, int i) => i == 0 || f[i - 1].Line < f[i].Line;

    // `func Name(`, `func (r *T) Name(`, `func Name[T any](`: the span from the parameters to the closing brace.
    private static (FunctionSpan, string, int)? Function(CLikeFile f, int keyword)
    {
        var k = keyword + 1;
        string? receiver = null;
        if (f.Is(k, "(") && f.MatchOf(k) is var receiverEnd and > 0)
        {
            receiver = Enumerable.Range(k + 1, receiverEnd - k - 1).Select(j => f[j]).LastOrDefault(t => t.Kind == TokenKind.Word).Text;
            k = receiverEnd + 1;
        }

        if (f[k].Kind != TokenKind.Word)
        {
            return null;
        }

        var nameToken = k++;
        if (f.Is(k, "[") && f.MatchOf(k) > k)
        {
            k = f.MatchOf(k) + 1;
        }

        if (!f.Is(k, "(") || f.MatchOf(k) is not (var close and > 0))
        {
            return null;
        }

        for (var b = close + 1; b < f.Tokens.Count && f[b].Line == f[close].Line; b++)
        {
            if (f.Is(b, "{") && !(f[b - 1].Text is "interface" or "struct"))
            {
                var end = f.MatchOf(b) is var e and > 0 ? e : f.Tokens.Count - 1;
                var name = receiver is null ? f[nameToken].Text : receiver + "." + f[nameToken].Text;
                return (new FunctionSpan(f[nameToken].Text, nameToken, k, close, k, b, end), name, keyword);
            }

            b = Math.Max(b, f.MatchOf(b));
        }

        return null;
    }

    // `type Name struct {` or, in a `type ( ... )` group, `Name struct {`; generic `Name[T any] struct {`.
    private static int TypeName(CLikeFile f, int keyword)
    {
        var k = keyword - 1;
        if (f.Is(k, "]") && f.MatchOf(k) > 0)
        {
            k = f.MatchOf(k) - 1;
        }

        return f[k].Kind == TokenKind.Word && (f.Is(k - 1, "type") || IsLineStart(f, k)) ? k : -1;
    }

    private static void Check(IReadOnlyDictionary<string, string> naming, string name, string kind, string path, int line, int column, List<Finding> findings)
    {
        var exported = char.IsUpper(name[0]);
        var key = exported ? "exported" : "unexported";
        if (name != "_" && naming.TryGetValue(key, out var convention) && !Naming.Follows(name, convention))
        {
            findings.Add(Naming.Finding(path, line, column, name, (exported ? "exported " : "unexported ") + kind, convention));
        }
    }

    private static void AddExported(CLikeFile f, int nameToken, int declaration, string kind, string name, List<ApiSymbol> api)
    {
        if (char.IsUpper(f[nameToken].Text[0]))
        {
            var (line, column) = f.Masked.Position(f[nameToken].Offset);
            api.Add(new ApiSymbol(name, kind, line, column, DocComments.Precedes(f.Masked, f[declaration].Offset, "/", adjacent: true)));
        }
    }
}
