namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// Finds the functions and classes of a JavaScript or TypeScript file: declarations, expressions, methods,
/// accessors and arrow functions (named by the variable, property or class field they are assigned to).
/// </summary>
internal static class ScriptFunctionFinder
{
    // An expression body longer than this (brackets count as one) is cut: it keeps chains of arrows (`a => b => c => ...`) linear.
    private const int MaxExpressionTokens = 1024;

    private static readonly HashSet<string> Controls = ["if", "for", "while", "switch", "catch", "with", "return", "typeof", "new", "await", "yield", "in", "void", "throw", "case", "instanceof"];

    public static (List<FunctionSpan> Functions, List<TypeSpan> Types) Find(CLikeFile file)
    {
        var functions = new List<FunctionSpan>();
        var types = new List<TypeSpan>();
        var arrows = new HashSet<int>(); // arrows already taken by a parenthesised parameter list
        var t = file.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i].Is("(") && file.MatchOf(i) is var close and > 0)
            {
                var after = SkipReturnType(file, close + 1);
                if (file.Is(after, "=>") && !file.Is(i - 1, "<") && !IsFunctionType(file, ArrowStart(file, i), types))
                {
                    arrows.Add(after);
                    functions.Add(Arrow(file, i, close, after, NameBefore(file, file.Is(i - 1, "async") ? i - 2 : ArrowStart(file, i) - 1)));
                }
                else if (file.Is(after, "{") && Declared(file, i) is var (name, nameToken))
                {
                    functions.Add(new FunctionSpan(name, nameToken, i, close, i, after, file.MatchOf(after) is var end and > 0 ? end : t.Count - 1));
                }
            }
            else if (t[i].Kind == TokenKind.Word && file.Is(i + 1, "=>") && !arrows.Contains(i + 1) && !file.Is(i - 1, ".") && !(file.Is(i - 1, ":") && file.Is(i - 2, ")")))
            {
                functions.Add(Arrow(file, -1, i, i + 1, NameBefore(file, file.Is(i - 1, "async") ? i - 2 : i - 1)));
            }
            else if (t[i].Kind == TokenKind.Word && t[i].Text is "class" or "interface" or "enum" && !file.Is(i - 1, ".") && Type(file, i) is { } type)
            {
                types.Add(type);
            }
        }

        // Expression bodies, innermost (last) first: an arrow inside another's body is skipped over, not rescanned.
        var ends = new Dictionary<int, int>();
        foreach (var index in Enumerable.Range(0, functions.Count).Where(f => functions[f].End < 0).OrderByDescending(f => functions[f].BodyStart))
        {
            var function = functions[index];
            var end = ends[function.BodyStart] = Math.Max(ExpressionEnd(file, function.BodyStart, ends), function.BodyStart);
            functions[index] = function with { End = end };
        }

        return (functions, types);
    }

    // `(a: T) => R` after a parameter's, a variable's or a class member's `:` is a function type, not a function:
    // `run: (m: Manager) => Promise<T>` in a parameter list, `let done: () => void`, `handler: (e: E) => void;`.
    private static bool IsFunctionType(CLikeFile file, int start, List<TypeSpan> types)
    {
        var colon = start - 1;
        if (!file.Is(colon, ":"))
        {
            return false;
        }

        var name = file.Is(colon - 1, "?") ? colon - 2 : colon - 1;
        if (file[name - 1].Text is "let" or "const" or "var")
        {
            return true;
        }

        var enclosing = file.Brackets.Enclosing[start];
        return enclosing >= 0 && (file.Is(enclosing, "(") || types.Exists(t => t.Open == enclosing));
    }

    private static TypeSpan? Type(CLikeFile file, int keyword)
    {
        var named = file[keyword + 1].Kind == TokenKind.Word && file[keyword + 1].Text is not "extends" and not "implements";
        for (var i = keyword + 1; i < file.Tokens.Count && i < keyword + 200; i++)
        {
            var text = file[i].Text;
            if (file.Is(i, "{"))
            {
                var name = named ? file[keyword + 1].Text : NameBefore(file, keyword - 1).Name ?? "(anonymous)";
                return new TypeSpan(name, named ? keyword + 1 : keyword, i, file.MatchOf(i));
            }

            if (text is ";" or "}" or "=" or ")")
            {
                return null;
            }

            if (file.MatchOf(i) > i)
            {
                i = file.MatchOf(i);
            }
        }

        return null;
    }

    // `(a, b): Promise<T> =>` and `method(a): void {`: the index after a TypeScript return type.
    private static int SkipReturnType(CLikeFile file, int index)
    {
        if (!file.Is(index, ":"))
        {
            return index;
        }

        var previous = ":";
        for (var i = index + 1; i < file.Tokens.Count && i < index + 64; i++)
        {
            var text = file[i].Text;
            if (file[i].Line > file[i - 1].Line && previous is not (":" or "|" or "&" or "<" or "," or "(" or "[" or "{"))
            {
                return index; // a type does not run on to the next line: this was `cond ? call() : other`
            }

            // `(): () => void {`: the arrow of a function type is part of the return type.
            var functionType = text == "=>" && previous == ")" && file[file.MatchOf(i - 1) - 1].Text is ":" or "|" or "&" or "<" or ",";
            if ((text == "{" && previous is not (":" or "|" or "&" or "<" or "," or "=>")) || (text == "=>" && !functionType))
            {
                return i;
            }

            if (text is ";" or "}" or ")" or "=")
            {
                return i;
            }

            if (file.MatchOf(i) > i)
            {
                i = file.MatchOf(i);
            }
            else if (text == "<")
            {
                i = file.SkipAngles(i, i + 64);
            }

            previous = file[i].Text;
        }

        return index;
    }

    // A parenthesised arrow may carry type parameters: `<T>(x: T) =>`.
    private static int ArrowStart(CLikeFile file, int open) => ClosesAngles(file, open - 1) ? BackOverAngles(file, open - 1) : open;

    private static bool ClosesAngles(CLikeFile file, int index) => file[index].Text is ">" or ">>" or ">>>" && file[index].Kind == TokenKind.Symbol;

    private static int BackOverAngles(CLikeFile file, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0 && i > close - 64; i--)
        {
            depth += file[i].Text switch { ">" => 1, ">>" => 2, ">>>" => 3, "<" => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return close;
    }

    // `function name(`, `name(` (method), `get name(`, `function (` (named by assignment), `<T>` generics.
    private static (string? Name, int NameToken)? Declared(CLikeFile file, int open)
    {
        var p = ClosesAngles(file, open - 1) ? BackOverAngles(file, open - 1) - 1 : open - 1;
        var before = file[p];
        if (before.Is("function") || (before.Is("*") && file.Is(p - 1, "function")))
        {
            var k = before.Is("*") ? p - 1 : p;
            var (name, token) = NameBefore(file, file.Is(k - 1, "async") ? k - 2 : k - 1);
            return (name, token >= 0 ? token : k);
        }

        if (before.Kind == TokenKind.Word && !Controls.Contains(before.Text))
        {
            return (before.Text, p);
        }

        if (before.Is("]") && file.MatchOf(p) is var bracket and >= 0)
        {
            return ("[computed]", bracket);
        }

        if (before.Kind == TokenKind.String)
        {
            return ("(string)", p);
        }

        return null;
    }

    private static FunctionSpan Arrow(CLikeFile file, int open, int close, int arrow, (string? Name, int Token) name)
    {
        var body = arrow + 1;
        var end = file.Is(body, "{") && file.MatchOf(body) > body ? file.MatchOf(body) : -1; // -1: an expression body, ended later
        var start = open >= 0 ? open : arrow;
        return new FunctionSpan(name.Name, name.Token >= 0 ? name.Token : arrow, open, close, start, body, end);
    }

    // The name a function expression is given: `const name =`, `name:`, `name =` (class field), `this.name =`.
    private static (string? Name, int Token) NameBefore(CLikeFile file, int index)
    {
        var token = file[index];
        if (token.Is("=") || token.Is(":") || token.Is("??=") || token.Is("||="))
        {
            // `const name: Type = ...`: the declared name, not its type.
            for (var k = index - 1; k >= 0 && k > index - 24; k--)
            {
                var text = file[k].Text;
                if (text is ";" or "{" or "}" or "(" or ",")
                {
                    break;
                }

                if (text is "const" or "let" or "var" && file[k + 1].Kind == TokenKind.Word)
                {
                    return (file[k + 1].Text, k + 1);
                }
            }

            var target = file[index - 1];
            if (target.Kind == TokenKind.Word)
            {
                return (target.Text, index - 1);
            }

            if (target.Kind == TokenKind.String && token.Is(":"))
            {
                return (file.Masked.Original.Substring(target.Offset, 1), index - 1);
            }
        }

        return (null, -1);
    }

    // Where an expression-bodied arrow ends: a comma, semicolon or closing bracket at its own depth, or a line
    // break that no operator carries over.
    private static int ExpressionEnd(CLikeFile file, int start, Dictionary<int, int> ends)
    {
        var t = file.Tokens;
        var limit = Math.Min(t.Count, start + MaxExpressionTokens);
        for (var i = start; i < limit; i++)
        {
            var match = file.MatchOf(i);
            if (i > start && ends.TryGetValue(i, out var nested) && nested >= i)
            {
                i = nested; // the body of an arrow inside this one
            }
            else if (match > i)
            {
                i = match;
            }
            else if (t[i].Text is "," or ";" or ")" or "]" or "}")
            {
                return i - 1;
            }

            if (i + 1 < t.Count && t[i + 1].Line > t[i].Line && !Continues(t[i]) && !Continues(t[i + 1]))
            {
                return i;
            }
        }

        return limit - 1;
    }

    private static bool Continues(Token token) =>
        token.Kind == TokenKind.Symbol && token.Text is not (")" or "]" or "}" or "++" or "--");
}
