using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// The analysis JavaScript and TypeScript share. Cyclomatic complexity follows ESLint's <c>complexity</c> rule
/// (classic variant): if, loops, case with a test, catch, <c>?:</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>??</c>,
/// logical assignments, optional chaining and default parameter values.
/// </summary>
internal static class ScriptAnalysis
{
    private static readonly HashSet<string> Branches = ["if", "for", "do", "case", "catch"];
    private static readonly HashSet<string> Logical = ["&&", "||", "??", "&&=", "||=", "??=", "?."];
    private static readonly HashSet<string> Declarations = ["function", "class", "const", "let", "var", "interface", "type", "enum", "abstract", "async", "default", "declare", "namespace"];

    /// <summary>Analyses one file; <paramref name="includeAnonymous"/> also measures unnamed functions (callbacks), as the benchmark needs.</summary>
    public static FileAnalysis Analyze(SourceFile file, LanguageOptions options, string language, bool includeAnonymous = false)
    {
        if (SourceFacts.LooksBinary(file.Content))
        {
            return new FileAnalysis { Path = file.Path, Language = language };
        }

        var masked = MaskedSource.Create(file.Content, LexicalFamily.JavaScript);
        var defaults = new HashSet<int>();
        var rules = new CLikeRules { Decision = (f, i) => Decision(f, i, defaults), ControlOf = CLikeFile.ParenthesisedControl };
        var source = new CLikeFile(masked, rules);
        var (spans, types) = ScriptFunctionFinder.Find(source);
        foreach (var span in spans.Where(s => s.ParamOpen >= 0))
        {
            for (var i = span.ParamOpen + 1; i < span.ParamClose; i++)
            {
                if (source.Is(i, "="))
                {
                    defaults.Add(i);
                }
            }
        }

        MarkDestructuringDefaults(source, defaults);
        var naming = options.Style.Naming;
        var findings = source.Brackets.Findings(file.Path, source.Tokens, masked, source.Unterminated);
        var functions = new List<FunctionMetrics>();
        var owners = Spans.Owners(spans, types);
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            if (span.Name is null || span.Name.StartsWith('(') || span.Name.StartsWith('['))
            {
                if (includeAnonymous)
                {
                    functions.Add(source.Measure(span, "(anonymous)", spans));
                }

                continue;
            }

            var metrics = source.Measure(span, Spans.Qualified(span, owners[s]), spans);
            functions.Add(metrics);
            var name = span.Name!;
            if (name != "constructor" && !Naming.Follows(name, "camelCase") && !Naming.Follows(name, "PascalCase") && !Naming.Follows(name, "UPPER_SNAKE_CASE") &&
                Naming.Check(naming, "function", name, file.Path, metrics.Line, metrics.Column) is { } finding)
            {
                findings.Add(finding); // PascalCase is a constructor or component, UPPER_CASE a constant holding a function
            }
        }

        foreach (var type in types)
        {
            var kind = source[type.NameToken - 1].Text is "interface" or "type" && naming.ContainsKey(source[type.NameToken - 1].Text) ? source[type.NameToken - 1].Text : "class";
            var at = masked.Position(source[type.NameToken].Offset);
            if (Naming.Check(naming, kind, type.Name, file.Path, at.Line, at.Column) is { } finding && type.Name != "(anonymous)")
            {
                findings.Add(finding);
            }
        }

        findings.AddRange(VariableNames(source, naming, file.Path));
        var map = source.CodeLineMap;
        return new FileAnalysis
        {
            Path = file.Path,
            Language = language,
            Lines = SourceFacts.LineCount(file.Content),
            CodeLines = SourceFacts.CodeLines(map, 1, map.Length),
            IsTest = IsTest(file.Path, source),
            Functions = functions.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList(),
            Types = [.. types.Select(t => new TypeMetrics { Name = t.Name, Line = source[t.NameToken].Line, Column = masked.Position(source[t.NameToken].Offset).Column })],
            PublicApi = Exports(source),
            Findings = findings,
        };
    }

    // `const { a = 1, b: [c = 2] } = value`: each default is an AssignmentPattern, which ESLint counts.
    private static void MarkDestructuringDefaults(CLikeFile f, HashSet<int> defaults)
    {
        for (var i = 1; i < f.Tokens.Count; i++)
        {
            if ((f.Is(i, "{") || f.Is(i, "[")) && f[i - 1].Text is "const" or "let" or "var" && f.MatchOf(i) is var close and > 0)
            {
                for (var k = i + 1; k < close; k++)
                {
                    if (f.Is(k, "="))
                    {
                        defaults.Add(k);
                    }
                }
            }
        }
    }

    private static int Decision(CLikeFile f, int i, HashSet<int> defaults)
    {
        var t = f.Tokens[i];
        if (t.Kind == TokenKind.Word)
        {
            return Branches.Contains(t.Text) || (t.Text == "while" && !f.IsDoWhileTail(i)) ? (f.Is(i - 1, ".") ? 0 : 1) : 0;
        }

        if (t.Kind != TokenKind.Symbol)
        {
            return 0;
        }

        if (Logical.Contains(t.Text) || defaults.Contains(i))
        {
            return 1;
        }

        // `?` of a conditional, not TypeScript's optional `x?: T`, `x?)`, `x?,` or `x?=`.
        return t.Is("?") && f[i + 1].Text is not (":" or ")" or "," or "=" or ";") ? 1 : 0;
    }

    private static List<ApiSymbol> Exports(CLikeFile f)
    {
        var api = new List<ApiSymbol>();
        for (var i = 0; i < f.Tokens.Count; i++)
        {
            var commonJs = f.Is(i, "exports") && f.Is(i + 1, ".") && f.Is(i + 3, "=") && f[i + 2].Kind == TokenKind.Word;
            if (!(f.Is(i, "export") && !f.Is(i - 1, ".")) && !commonJs)
            {
                continue;
            }

            var k = commonJs ? i + 2 : i + 1;
            var kind = "value";
            while (!commonJs && f[k].Kind == TokenKind.Word && Declarations.Contains(f[k].Text))
            {
                kind = f[k].Text is "default" or "async" or "abstract" or "declare" ? kind : f[k].Text;
                k++;
            }

            if (f[k].Kind != TokenKind.Word || f[k].Text is "from" || (k == i + 1 && !commonJs))
            {
                continue; // `export { a }`, `export * from`, `export =`
            }

            var start = commonJs && f.Is(i - 2, ".") && f.Is(i - 3, "module") ? f[i - 3].Offset : f[i].Offset;
            var (line, column) = f.Masked.Position(f[k].Offset);
            api.Add(new ApiSymbol(f[k].Text, kind == "const" || kind == "let" || kind == "var" ? "variable" : kind, line, column, DocComments.Precedes(f.Masked, start, "/**")));
        }

        return api;
    }

    private static IEnumerable<Finding> VariableNames(CLikeFile f, IReadOnlyDictionary<string, string> naming, string path)
    {
        for (var i = 0; i < f.Tokens.Count - 1; i++)
        {
            if (f[i].Text is not ("const" or "let" or "var") || f[i].Kind != TokenKind.Word || f[i + 1].Kind != TokenKind.Word || f.Is(i - 1, "."))
            {
                continue;
            }

            var name = f[i + 1].Text;
            if (Naming.Follows(name, "camelCase") || Naming.Follows(name, "UPPER_SNAKE_CASE") || Naming.Follows(name, "PascalCase"))
            {
                continue;
            }

            var (line, column) = f.Masked.Position(f[i + 1].Offset);
            if (Naming.Check(naming, "variable", name, path, line, column) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private static bool IsTest(string path, CLikeFile f)
    {
        var name = SourceFacts.FileName(path);
        if (name.Contains(".test.", StringComparison.OrdinalIgnoreCase) || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase) || SourceFacts.InTestFolder(path))
        {
            return true;
        }

        bool describe = false, it = false;
        for (var i = 0; i < f.Tokens.Count - 1 && !(describe && it); i++)
        {
            describe |= f.Is(i, "describe") && f.Is(i + 1, "(");
            it |= (f.Is(i, "it") || f.Is(i, "test")) && f.Is(i + 1, "(");
        }

        return describe && it;
    }
}

/// <summary>Analyses JavaScript: functions, classes, exports, naming and what a tokenizer sees of syntax.</summary>
internal sealed class JavaScriptAnalyzer : ILanguageAnalyzer
{
    private static readonly string[] Extensions = [".js", ".jsx", ".mjs", ".cjs"];

    public string Language => "javascript";

    public bool CanAnalyze(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ScriptAnalysis.Analyze(file, options, Language));
}

/// <summary>Analyses TypeScript: as JavaScript, with type annotations, interfaces and enums.</summary>
internal sealed class TypeScriptAnalyzer : ILanguageAnalyzer
{
    private static readonly string[] Extensions = [".ts", ".tsx", ".mts", ".cts"];

    public string Language => "typescript";

    public bool CanAnalyze(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ScriptAnalysis.Analyze(file, options, Language));
}
