using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// The fallback for textual source files no other analyzer handles (Ruby, Rust, C, C++, Kotlin, PHP, shell, ...):
/// lines, code lines and, for brace languages, functions found as <c>name(...) {</c> with generic C-like metrics.
/// No naming and no syntax findings (it does not know the language well enough); never throws, and binary-looking
/// content yields an empty analysis.
/// </summary>
internal sealed class GenericTextAnalyzer : ILanguageAnalyzer
{
    /// <summary>Extensions the specific analyzers own.</summary>
    private static readonly string[] Handled = [".cs", ".csx", ".py", ".pyi", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".go", ".java"];

    private static readonly string[] Textual =
    [
        ".rb", ".rs", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".kt", ".kts", ".php", ".sh", ".bash", ".zsh", ".swift", ".scala",
        ".m", ".mm", ".dart", ".lua", ".pl", ".pm", ".r", ".groovy", ".gradle", ".fs", ".vb", ".ex", ".exs", ".erl", ".clj", ".hs", ".sql",
    ];

    private static readonly HashSet<string> BraceFamilies = ["c", "cpp", "rust", "kotlin", "scala", "swift", "php"];
    private static readonly HashSet<string> NotFunctions = ["if", "for", "while", "switch", "catch", "match", "foreach", "elif", "return", "sizeof", "when", "unless"];

    private static readonly CLikeRules Rules = new() { Decision = Decision, ControlOf = CLikeFile.ParenthesisedControl };

    public string Language => "text";

    public bool CanAnalyze(string path) =>
        !Handled.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && Textual.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken)
    {
        var empty = new FileAnalysis { Path = file.Path, Language = Language };
        if (file.Content.Length == 0 || SourceFacts.LooksBinary(file.Content))
        {
            return Task.FromResult(empty);
        }

        var family = FamilyOf(file.Path);
        var masked = MaskedSource.Create(file.Content, MaskedSource.FamilyOf(family));
        var map = SourceFacts.CodeLineMap(masked);
        var functions = new List<FunctionMetrics>();
        if (BraceFamilies.Contains(family))
        {
            var source = new CLikeFile(masked, Rules);
            var spans = Find(source);
            functions.AddRange(spans.Select(s => source.Measure(s, s.Name!, spans)));
        }

        return Task.FromResult(empty with
        {
            Lines = SourceFacts.LineCount(file.Content),
            CodeLines = SourceFacts.CodeLines(map, 1, map.Length),
            IsTest = SourceFacts.InTestFolder(file.Path) || SourceFacts.FileName(file.Path).Contains("test", StringComparison.OrdinalIgnoreCase),
            Functions = functions,
        });
    }

    private static string FamilyOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".c" or ".h" => "c",
        ".cc" or ".cpp" or ".cxx" or ".hpp" or ".hh" or ".m" or ".mm" or ".dart" or ".groovy" or ".gradle" => "cpp",
        ".rs" => "rust",
        ".kt" or ".kts" => "kotlin",
        ".scala" => "scala",
        ".swift" => "swift",
        ".php" => "php",
        ".rb" => "ruby",
        ".sh" or ".bash" or ".zsh" => "shell",
        ".pl" or ".pm" => "perl",
        ".r" => "r",
        _ => "text",
    };

    private static int Decision(CLikeFile f, int i)
    {
        var t = f.Tokens[i];
        return t.Kind switch
        {
            TokenKind.Word when t.Text is "if" or "for" or "while" or "case" or "catch" or "foreach" => 1,
            TokenKind.Symbol when t.Text is "&&" or "||" => 1,
            _ => 0,
        };
    }

    // `name(...) ... {` where the words between `)` and `{` are a return type, qualifiers or a throws clause.
    private static List<FunctionSpan> Find(CLikeFile f)
    {
        var spans = new List<FunctionSpan>();
        for (var i = 1; i < f.Tokens.Count; i++)
        {
            if (!f.Is(i, "(") || f[i - 1].Kind != TokenKind.Word || NotFunctions.Contains(f[i - 1].Text) || f.MatchOf(i) is not (var close and > 0))
            {
                continue;
            }

            for (var b = close + 1; b < f.Tokens.Count && b < close + 24; b++)
            {
                var text = f[b].Text;
                if (text == "{")
                {
                    if (f.MatchOf(b) is var end and > 0)
                    {
                        spans.Add(new FunctionSpan(f[i - 1].Text, i - 1, i, close, i, b, end));
                    }

                    break;
                }

                if (text is ";" or "}" or "(" or "=" or ")" or "," || f.MatchOf(b) > b)
                {
                    break;
                }
            }
        }

        return spans;
    }
}
