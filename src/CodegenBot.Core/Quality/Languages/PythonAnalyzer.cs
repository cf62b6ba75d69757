using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// Analyses Python by indentation: functions and methods (nested ones too), classes, docstrings of the public API,
/// PEP 8 naming and what a tokenizer sees of syntax. Cyclomatic complexity follows radon: +1 for each if, elif,
/// for, while, except, assert, comprehension clause, conditional expression and boolean operator, and for the
/// else of a loop or try; a nested function's or class's code is its own, a lambda's belongs to its function.
/// </summary>
internal sealed class PythonAnalyzer : ILanguageAnalyzer
{
    private static readonly HashSet<string> Decisions = ["if", "elif", "for", "while", "except", "assert", "and", "or"];
    private static readonly HashSet<string> NestingBlocks = ["if", "elif", "else", "for", "while", "except", "match"];
    private static readonly HashSet<string> Blocks = ["if", "elif", "else", "for", "while", "try", "except", "finally", "with", "match"];

    public string Language => "python";

    public bool CanAnalyze(string path) => path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Analyze(file, options));

    private FileAnalysis Analyze(SourceFile file, LanguageOptions options)
    {
        if (SourceFacts.LooksBinary(file.Content))
        {
            return new FileAnalysis { Path = file.Path, Language = Language };
        }

        var text = file.Content.Split('\n');

        var masked = MaskedSource.Create(file.Content, LexicalFamily.Python);
        var tokens = Lexer.Tokenize(masked, out var unterminated);
        var brackets = Brackets.Pair(tokens);
        var lines = PythonLines.Split(tokens, masked);
        var walk = new PythonWalk(tokens, masked, lines);
        walk.Run();
        var map = SourceFacts.CodeLineMap(masked);
        var findings = brackets.Findings(file.Path, tokens, masked, unterminated);
        var isTest = IsTest(file.Path, tokens);
        var naming = options.Style.Naming;
        var functions = new List<FunctionMetrics>();
        var api = new List<ApiSymbol>();
        foreach (var f in walk.Functions)
        {
            var endLine = Math.Max(f.Line, f.EndLine);
            functions.Add(new FunctionMetrics
            {
                Name = f.Qualified,
                Line = f.Line,
                Column = f.Column,
                EndLine = endLine,
                CodeLines = SourceFacts.CodeLines(map, f.Line + 1, endLine),
                Parameters = f.Parameters,
                CyclomaticComplexity = f.Cyclomatic,
                CognitiveComplexity = f.Cognitive,
                MaxNestingDepth = f.MaxDepth,
            });
            var kind = f.Owner is null ? "function" : "method";
            var exempt = f.Name.StartsWith("__", StringComparison.Ordinal) || f.Name.StartsWith("test", StringComparison.Ordinal) ||
                f.Name.StartsWith("setUp", StringComparison.Ordinal) || f.Name.StartsWith("tearDown", StringComparison.Ordinal) ||
                f.Name.StartsWith("visit_", StringComparison.Ordinal) || f.Name.StartsWith("depart_", StringComparison.Ordinal);
            if (!exempt && Naming.Check(naming, kind, f.Name, file.Path, f.Line, f.Column) is { } finding)
            {
                findings.Add(finding);
            }

            if (f.Public && !Overload(text, f.Line))
            {
                api.Add(new ApiSymbol(f.Qualified, kind, f.Line, f.Column, f.Documented));
            }
        }

        foreach (var c in walk.Classes)
        {
            if (Naming.Check(naming, "class", c.Name, file.Path, c.Line, c.Column) is { } finding)
            {
                findings.Add(finding);
            }

            if (c.Public)
            {
                api.Add(new ApiSymbol(c.Name, "class", c.Line, c.Column, c.Documented));
            }
        }

        foreach (var (name, line, column) in walk.ModuleAssignments)
        {
            if (!Naming.Follows(name, "snake_case") && !Naming.Follows(name, "UPPER_SNAKE_CASE") && !Naming.Follows(name, "PascalCase") &&
                !TypeDefinition(text, line) &&
                Naming.Check(naming, "variable", name, file.Path, line, column) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return new FileAnalysis
        {
            Path = file.Path,
            Language = Language,
            Lines = SourceFacts.LineCount(file.Content),
            CodeLines = SourceFacts.CodeLines(map, 1, map.Length),
            IsTest = isTest,
            Functions = functions,
            Types = [.. walk.Classes.Select(c => new TypeMetrics { Name = c.Name, Line = c.Line, Column = c.Column })],
            PublicApi = [.. api.OrderBy(a => a.Line)],
            Findings = findings,
        };
    }

    /// <summary>Radon's increment for token <paramref name="i"/>; <paramref name="loopOrTry"/> says whether a statement else belongs to a loop or try.</summary>
    internal static int Cyclomatic(List<Token> tokens, int i, bool lineStart, bool loopOrTry)
    {
        var t = tokens[i];
        if (t.Kind != TokenKind.Word || (i > 0 && tokens[i - 1].Is(".")))
        {
            return 0;
        }

        return Decisions.Contains(t.Text) ? 1 : t.Is("else") && lineStart && loopOrTry ? 1 : 0;
    }

    internal static bool IsNesting(string keyword) => NestingBlocks.Contains(keyword);

    /// <summary>Whether the function on 1-based <paramref name="line"/> is an <c>@overload</c> stub (its implementation carries the docs).</summary>
    private static bool Overload(string[] lines, int line)
    {
        for (var i = line - 2; i >= 0 && lines[i].TrimStart().StartsWith('@'); i--)
        {
            var decorator = lines[i].Trim();
            if (decorator is "@overload" or "@t.overload" or "@typing.overload" or "@typing_extensions.overload")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the assignment on 1-based <paramref name="line"/> defines a type (TypeVar, ParamSpec, NewType, alias): those are named like types.</summary>
    private static bool TypeDefinition(string[] lines, int line) =>
        line >= 1 && line <= lines.Length
        && (lines[line - 1].Contains("TypeVar(", StringComparison.Ordinal) || lines[line - 1].Contains("ParamSpec(", StringComparison.Ordinal)
            || lines[line - 1].Contains("NewType(", StringComparison.Ordinal) || lines[line - 1].Contains("TypeVarTuple(", StringComparison.Ordinal)
            || lines[line - 1].Contains("TypeAlias", StringComparison.Ordinal));

    internal static bool IsBlock(string keyword) => Blocks.Contains(keyword);

    private static bool IsTest(string path, List<Token> tokens)
    {
        var name = SourceFacts.FileName(path);
        if ((name.StartsWith("test_", StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal)) || name.EndsWith("_test.py", StringComparison.Ordinal) ||
            name == "conftest.py" || SourceFacts.InTestFolder(path))
        {
            return true;
        }

        var framework = tokens.Any(t => t.Is("pytest") || t.Is("unittest"));
        return framework && tokens.Where((t, i) => t.Is("def") && i + 1 < tokens.Count && tokens[i + 1].Text.StartsWith("test", StringComparison.Ordinal)).Any();
    }
}
