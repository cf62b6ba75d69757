using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// Analyses Java: methods and constructors, classes, interfaces, enums and records, Javadoc on public
/// declarations, naming and what a tokenizer sees of syntax. Cyclomatic complexity follows checkstyle's
/// CyclomaticComplexity check (switchBlockAsSingleDecisionPoint false): if, while, do, for, <c>?:</c>, catch, case,
/// <c>&amp;&amp;</c>, <c>||</c>; a lambda's decisions count for the method holding it.
/// </summary>
internal sealed class JavaAnalyzer : ILanguageAnalyzer
{
    private static readonly HashSet<string> Branches = ["if", "for", "do", "case", "catch"];
    private static readonly HashSet<string> NotMethods = ["if", "for", "while", "switch", "catch", "synchronized", "try", "new", "return", "throw", "else"];
    private static readonly HashSet<string> TypeKeywords = ["class", "interface", "enum", "record"];

    private static readonly CLikeRules Rules = new() { Decision = Decision, ControlOf = CLikeFile.ParenthesisedControl };

    public string Language => "java";

    public bool CanAnalyze(string path) => path.EndsWith(".java", StringComparison.OrdinalIgnoreCase);

    public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Analyze(file, options));

    private FileAnalysis Analyze(SourceFile file, LanguageOptions options)
    {
        if (SourceFacts.LooksBinary(file.Content))
        {
            return new FileAnalysis { Path = file.Path, Language = Language };
        }

        var source = new CLikeFile(MaskedSource.Create(file.Content, LexicalFamily.CStyle), Rules);
        var (spans, types) = Find(source);
        var naming = options.Style.Naming;
        var findings = source.Brackets.Findings(file.Path, source.Tokens, source.Masked, source.Unterminated);
        var functions = new List<FunctionMetrics>();
        var api = new List<ApiSymbol>();
        var isTest = IsTest(file.Path, source);
        var owners = Spans.Owners(spans, types);
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            var metrics = source.Measure(span, Spans.Qualified(span, owners[s]), spans);
            functions.Add(metrics);
            var isConstructor = owners[s]?.Name == span.Name;
            if (!isConstructor && !(isTest && span.Name!.Contains('_', StringComparison.Ordinal)) && Naming.Check(naming, "method", span.Name!, file.Path, metrics.Line, metrics.Column) is { } finding)
            {
                findings.Add(finding);
            }

            AddPublic(source, span.NameToken, isConstructor ? "constructor" : "method", metrics.Name, api);
        }

        foreach (var type in types)
        {
            var (line, column) = source.Masked.Position(source[type.NameToken].Offset);
            if (Naming.Check(naming, "class", type.Name, file.Path, line, column) is { } finding)
            {
                findings.Add(finding);
            }

            AddPublic(source, type.NameToken, source[type.NameToken - 1].Text, type.Name, api);
        }

        var map = source.CodeLineMap;
        return new FileAnalysis
        {
            Path = file.Path,
            Language = Language,
            Lines = SourceFacts.LineCount(file.Content),
            CodeLines = SourceFacts.CodeLines(map, 1, map.Length),
            IsTest = isTest,
            Functions = functions,
            Types = [.. types.Select(t => new TypeMetrics { Name = t.Name, Line = source[t.NameToken].Line, Column = source.Masked.Position(source[t.NameToken].Offset).Column })],
            PublicApi = [.. api.OrderBy(a => a.Line)],
            Findings = findings,
        };
    }

    private static int Decision(CLikeFile f, int i)
    {
        var t = f.Tokens[i];
        return t.Kind switch
        {
            TokenKind.Word => Branches.Contains(t.Text) || (t.Text == "while" && !f.IsDoWhileTail(i)) ? 1 : 0,
            TokenKind.Symbol when t.Text is "&&" or "||" => 1,

            // `?` of a conditional, not the wildcard of `List<? extends T>`.
            TokenKind.Symbol when t.Text == "?" => f[i - 1].Text is "<" or "," || f[i + 1].Text is ">" or ">>" or ">>>" or "," or "extends" or "super" ? 0 : 1,
            _ => 0,
        };
    }

    private static (List<FunctionSpan>, List<TypeSpan>) Find(CLikeFile f)
    {
        var functions = new List<FunctionSpan>();
        var types = new List<TypeSpan>();
        for (var i = 0; i < f.Tokens.Count; i++)
        {
            var t = f.Tokens[i];
            if (t.Is("(") && f[i - 1].Kind == TokenKind.Word && !NotMethods.Contains(f[i - 1].Text) && !f.Is(i - 2, "new") && !f.Is(i - 2, "record") && !f.Is(i - 2, ".") && !f.Is(i - 2, "@") && f.MatchOf(i) is var close and > 0)
            {
                var body = close + 1;
                if (f.Is(body, "throws"))
                {
                    while (body < f.Tokens.Count && body < close + 64 && f[body].Text is not ("{" or ";" or "}"))
                    {
                        body++;
                    }
                }

                if (f.Is(body, "{") && f.MatchOf(body) is var end and > 0)
                {
                    functions.Add(new FunctionSpan(f[i - 1].Text, i - 1, i, close, i, body, end));
                }
            }
            else if (t.Kind == TokenKind.Word && TypeKeywords.Contains(t.Text) && f[i + 1].Kind == TokenKind.Word && !f.Is(i - 1, "."))
            {
                for (var k = i + 2; k < f.Tokens.Count && k < i + 300; k++)
                {
                    if (f.Is(k, "{"))
                    {
                        types.Add(new TypeSpan(f[i + 1].Text, i + 1, k, f.MatchOf(k)));
                        break;
                    }

                    if (f[k].Text is ";" or "}")
                    {
                        break;
                    }

                    k = Math.Max(k, f.MatchOf(k));
                }
            }
        }

        return (functions, types);
    }

    private static void AddPublic(CLikeFile f, int nameToken, string kind, string name, List<ApiSymbol> api)
    {
        var isPublic = false;
        for (var k = nameToken - 1; k >= 0 && f[k].Text is not (";" or "{" or "}"); k--)
        {
            isPublic |= f.Is(k, "public");
        }

        if (isPublic)
        {
            var (line, column) = f.Masked.Position(f[nameToken].Offset);
            api.Add(new ApiSymbol(name, kind, line, column, DocComments.Precedes(f.Masked, f[nameToken].Offset, "/**")));
        }
    }

    private static bool IsTest(string path, CLikeFile f)
    {
        var name = SourceFacts.FileName(path);
        if (name.EndsWith("Test.java", StringComparison.Ordinal) || name.EndsWith("Tests.java", StringComparison.Ordinal) || name.StartsWith("Test", StringComparison.Ordinal) ||
            SourceFacts.InTestFolder(path) || path.Replace('\\', '/').Contains("src/test/", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < f.Tokens.Count - 1; i++)
        {
            if (f.Is(i, "@") && f.Is(i + 1, "Test"))
            {
                return true;
            }
        }

        return false;
    }
}
