using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// A function found in a brace language. Token indexes: <see cref="Start"/> is where its own code starts (the
/// parameter list, or the arrow of a one-parameter arrow function), <see cref="BodyStart"/> its <c>{</c> or the
/// first token of an expression body, <see cref="End"/> its last token. A null <see cref="Name"/> marks an anonymous
/// function: its code is not its parent's, but it is not reported.
/// </summary>
internal sealed record FunctionSpan(string? Name, int NameToken, int ParamOpen, int ParamClose, int Start, int BodyStart, int End);

/// <summary>A type declaration found in a brace language (token index of its name and of its braces).</summary>
internal sealed record TypeSpan(string Name, int NameToken, int Open, int Close);

/// <summary>How a brace language counts: its decision points and what its blocks are.</summary>
internal sealed class CLikeRules
{
    /// <summary>Cyclomatic increment of token <c>i</c> (its function's parameter list included).</summary>
    public required Func<CLikeFile, int, int> Decision { get; init; }

    /// <summary>The keyword heading the block a <c>{</c> opens (if, for, else, try, ...), or null.</summary>
    public required Func<CLikeFile, int, string?> ControlOf { get; init; }
}

/// <summary>A tokenized brace-language file with its brackets paired.</summary>
internal sealed class CLikeFile
{
    private static readonly HashSet<string> Nesting = ["if", "else", "for", "while", "do", "switch", "select", "catch"];
    private static readonly HashSet<string> Loops = ["for", "while", "do", "switch", "select", "catch"];

    private readonly CLikeRules _rules;
    private string?[]? _control;
    private IReadOnlyList<FunctionSpan>? _spansOf;
    private Dictionary<int, int> _spanEnds = [];

    public CLikeFile(MaskedSource masked, CLikeRules rules)
    {
        Masked = masked;
        _rules = rules;
        Tokens = Lexer.Tokenize(masked, out var unterminated);
        Unterminated = unterminated;
        Brackets = Brackets.Pair(Tokens);
        CodeLineMap = SourceFacts.CodeLineMap(masked);
    }

    public MaskedSource Masked { get; }

    public List<Token> Tokens { get; }

    public List<int> Unterminated { get; }

    public Brackets Brackets { get; }

    public bool[] CodeLineMap { get; }

    /// <summary>The token at an index; outside the file, an empty symbol (so look-behind and look-ahead never throw).</summary>
    public Token this[int index] => index >= 0 && index < Tokens.Count ? Tokens[index] : new Token(TokenKind.Symbol, string.Empty, 0, 0);

    public bool Is(int index, string text) => index >= 0 && index < Tokens.Count && Tokens[index].Is(text);

    public int MatchOf(int index) => index >= 0 && index < Tokens.Count ? Brackets.Match[index] : -1;

    /// <summary>The control keyword of the block each <c>{</c> opens.</summary>
    public string? ControlOf(int brace)
    {
        _control ??= new string?[Tokens.Count];
        var keyword = _control[brace] ??= _rules.ControlOf(this, brace) ?? string.Empty; // "" caches "none"
        return keyword.Length == 0 ? null : keyword;
    }

    /// <summary>Whether the <c>while</c> at <paramref name="index"/> ends a do-while loop.</summary>
    public bool IsDoWhileTail(int index) =>
        Is(index - 1, "}") && MatchOf(index - 1) is var open and >= 0 && ControlOf(open) == "do";

    /// <summary>The metrics of one function; nested functions' tokens are not counted.</summary>
    public FunctionMetrics Measure(FunctionSpan function, string name, IReadOnlyList<FunctionSpan> all)
    {
        if (!ReferenceEquals(_spansOf, all))
        {
            // Where each function starts → where the longest one starting there ends: built once per file.
            _spansOf = all;
            _spanEnds = all.GroupBy(f => f.Start).ToDictionary(g => g.Key, g => g.Max(f => f.End));
        }

        var last = Math.Min(function.End, Tokens.Count - 1);
        int cyclomatic = 1, cognitive = 0, maxDepth = 0;
        var stack = new Stack<string>();
        string? lastBoolean = null;
        for (var i = Math.Max(0, function.Start); i <= last; i++)
        {
            if (i != function.Start && _spanEnds.TryGetValue(i, out var skipTo) && skipTo <= function.End)
            {
                i = skipTo;
                continue;
            }

            var t = Tokens[i];
            cyclomatic += _rules.Decision(this, i);
            if (i < function.BodyStart)
            {
                continue;
            }

            var nesting = stack.Count(Nesting.Contains);
            if (t.Is("{") && i != function.BodyStart)
            {
                var control = ControlOf(i);
                stack.Push(control ?? string.Empty);
                maxDepth = Math.Max(maxDepth, stack.Count(s => s.Length > 0));
            }
            else if (t.Is("}") && stack.Count > 0 && i != last)
            {
                stack.Pop();
            }

            cognitive += Cognitive(i, nesting, ref lastBoolean);
        }

        return new FunctionMetrics
        {
            Name = name,
            Line = this[function.NameToken].Line,
            Column = Masked.Position(this[function.NameToken].Offset).Column,
            EndLine = Math.Max(this[function.NameToken].Line, this[last].Line),
            CodeLines = SourceFacts.CodeLines(CodeLineMap, this[function.BodyStart].Line + (Is(function.BodyStart, "{") ? 1 : 0), this[last].Line - (Is(last, "}") ? 1 : 0)),
            Parameters = CountParameters(function),
            CyclomaticComplexity = cyclomatic,
            CognitiveComplexity = cognitive,
            MaxNestingDepth = maxDepth,
        };
    }

    private int Cognitive(int i, int nesting, ref string? lastBoolean)
    {
        var t = Tokens[i];
        if (t.Kind == TokenKind.Symbol)
        {
            if (t.Is("&&") || t.Is("||"))
            {
                var increment = t.Text == lastBoolean ? 0 : 1;
                lastBoolean = t.Text;
                return increment;
            }

            if (t.Text is ";" or "{" or "}" or ",")
            {
                lastBoolean = null;
            }

            return t.Is("?") && _rules.Decision(this, i) > 0 ? 1 + nesting : 0;
        }

        if (t.Kind != TokenKind.Word)
        {
            return 0;
        }

        return t.Text switch
        {
            "if" => Is(i - 1, "else") ? 1 : 1 + nesting,
            "else" => Is(i + 1, "if") ? 0 : 1,
            "while" when IsDoWhileTail(i) => 0,
            _ when Loops.Contains(t.Text) => 1 + nesting,
            "goto" => 1,
            "break" or "continue" when this[i + 1].Kind == TokenKind.Word && this[i + 1].Line == t.Line && this[i + 1].Text is not "case" and not "default" => 1,
            _ => 0,
        };
    }

    private int CountParameters(FunctionSpan function)
    {
        if (function.ParamOpen < 0)
        {
            return function.ParamClose < 0 ? 0 : 1;
        }

        if (function.ParamClose <= function.ParamOpen + 1)
        {
            return 0;
        }

        var count = 1;
        for (var i = function.ParamOpen + 1; i < function.ParamClose; i++)
        {
            var match = MatchOf(i);
            if (match > i)
            {
                i = match; // a nested bracket: destructuring or a default value
            }
            else if (Tokens[i].Is(",") && !Is(i + 1, ")"))
            {
                count++;
            }
            else if (Tokens[i].Is("<"))
            {
                i = SkipAngles(i, function.ParamClose);
            }
        }

        return count;
    }

    /// <summary>The index of the <c>&gt;</c> closing the <c>&lt;</c> at <paramref name="open"/> (generic arguments), or <paramref name="open"/>.</summary>
    public int SkipAngles(int open, int limit)
    {
        var depth = 0;
        for (var i = open; i < limit && i < Tokens.Count; i++)
        {
            if (MatchOf(i) > i)
            {
                i = MatchOf(i); // `Promise<{ a: T }>`, `Array<() => void>`
                continue;
            }

            var text = Tokens[i].Text;
            depth += text switch { "<" => 1, ">" => -1, ">>" => -2, ">>>" => -3, _ => 0 };
            if (depth <= 0)
            {
                return i;
            }

            if (text is ";" or ")" or "]" or "}")
            {
                return open;
            }
        }

        return open;
    }

    /// <summary>The generic control keyword of a brace: <c>if (…) {</c>, <c>else {</c>, <c>try {</c>, ...</summary>
    public static string? ParenthesisedControl(CLikeFile file, int brace)
    {
        var previous = file[brace - 1];
        if (previous.Is(")") && file.MatchOf(brace - 1) is var open and > 0)
        {
            var keyword = file[open - 1];
            return keyword.Kind == TokenKind.Word && keyword.Text is "if" or "for" or "while" or "switch" or "catch" or "synchronized" or "with" or "try" ? keyword.Text : null;
        }

        return previous.Kind == TokenKind.Word && previous.Text is "else" or "do" or "try" or "finally" ? previous.Text : null;
    }
}
