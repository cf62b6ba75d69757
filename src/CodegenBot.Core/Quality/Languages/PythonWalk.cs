using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>A Python function as the walk measures it.</summary>
internal sealed class PythonFunction
{
    public required string Name { get; init; }

    public required string Qualified { get; init; }

    public string? Owner { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    public int EndLine { get; set; }

    public int Parameters { get; init; }

    public int Cyclomatic { get; set; } = 1;

    public int Cognitive { get; set; }

    public int MaxDepth { get; set; }

    public bool Public { get; init; }

    public bool Documented { get; init; }
}

/// <summary>A Python class.</summary>
internal sealed record PythonClass(string Name, int Line, int Column, bool Public, bool Documented);

/// <summary>
/// Walks Python's logical lines keeping a stack of open blocks (by indentation) and adds each line's increments to
/// the innermost function holding it. Decorators, default values and base classes count for no one, as in radon.
/// </summary>
internal sealed class PythonWalk(List<Token> tokens, MaskedSource masked, List<LogicalLine> lines)
{
    private readonly List<(int Indent, string Kind, PythonFunction? Function, string? Class, bool PublicScope)> _stack = [];
    private readonly Dictionary<int, string> _lastHeader = [];
    private bool[] _map = [];

    public List<PythonFunction> Functions { get; } = [];

    public List<PythonClass> Classes { get; } = [];

    public List<(string Name, int Line, int Column)> ModuleAssignments { get; } = [];

    public void Run()
    {
        _map = SourceFacts.CodeLineMap(masked);
        for (var li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            while (_stack.Count > 0 && _stack[^1].Indent >= line.Indent)
            {
                Pop(tokens[line.First].Line);
            }

            Line(li, line);
        }

        while (_stack.Count > 0)
        {
            Pop(_map.Length);
        }
    }

    private void Pop(int nextLine)
    {
        var entry = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        if (entry.Function is { } function)
        {
            var end = Math.Min(nextLine - 1, _map.Length - 1);
            while (end > function.Line && !_map[end])
            {
                end--;
            }

            function.EndLine = end;
        }
    }

    private void Line(int li, LogicalLine line)
    {
        var first = tokens[line.First];
        var k = first.Is("async") && line.First < line.Last ? line.First + 1 : line.First;
        var keyword = tokens[k].Kind == TokenKind.Word ? tokens[k].Text : string.Empty;
        var owner = _stack.Count > 0 ? _stack[^1] : default;
        var publicScope = _stack.Count == 0 || (_stack.Count == 1 && owner.Class is not null && owner.PublicScope);
        if ((keyword is "def" or "class") && k < line.Last && tokens[k + 1].Kind == TokenKind.Word)
        {
            var name = tokens[k + 1].Text;
            var (lineNumber, column) = masked.Position(tokens[k + 1].Offset);
            var documented = Docstring(li, line);
            var isPublic = publicScope && !name.StartsWith('_');
            var bodyStart = SignatureEnd(k + 2, line.Last) + 1;
            if (keyword == "class")
            {
                Classes.Add(new PythonClass(name, lineNumber, column, isPublic, documented));
                _stack.Add((line.Indent, "class", null, name, isPublic));
                Count(bodyStart, line, li);
                return;
            }

            var function = new PythonFunction
            {
                Name = name,
                Qualified = owner.Class is not null ? owner.Class + "." + name : name,
                Owner = owner.Class,
                Line = lineNumber,
                Column = column,
                EndLine = lineNumber,
                Parameters = Parameters(k + 2, line.Last, owner.Class is not null),
                Public = isPublic,
                Documented = documented,
            };
            Functions.Add(function);
            _stack.Add((line.Indent, "def", function, null, false));
            Count(bodyStart, line, li);
            return;
        }

        if (_stack.Count == 0 && first.Kind == TokenKind.Word && line.First < line.Last && tokens[line.First + 1].Is("="))
        {
            ModuleAssignments.Add((first.Text, first.Line, masked.Position(first.Offset).Column));
        }

        Count(line.First, line, li);
        if (Blocks(keyword) && tokens[line.Last].Is(":"))
        {
            _stack.Add((line.Indent, keyword, null, null, false));
        }

        _lastHeader[line.Indent] = keyword;
    }

    private static bool Blocks(string keyword) => PythonAnalyzer.IsBlock(keyword) || keyword is "case";

    // Adds the increments of the line's tokens from `start` to the innermost function holding them.
    private void Count(int start, LogicalLine line, int li)
    {
        var index = _stack.FindLastIndex(e => e.Function is not null || e.Class is not null);
        if (index < 0 || _stack[index].Function is not { } function || start > line.Last)
        {
            return;
        }

        int nesting = 0, depth = 0;
        for (var s = index + 1; s < _stack.Count; s++)
        {
            nesting += PythonAnalyzer.IsNesting(_stack[s].Kind) ? 1 : 0;
            depth += PythonAnalyzer.IsBlock(_stack[s].Kind) ? 1 : 0;
        }

        function.MaxDepth = Math.Max(function.MaxDepth, depth);
        var loopOrTry = _lastHeader.TryGetValue(line.Indent, out var header) && header is "for" or "while" or "except";
        var sawFor = false;
        var inAssert = false;
        string? lastBoolean = null;
        for (var i = start; i <= line.Last; i++)
        {
            var lineStart = i == start || (i == start + 1 && tokens[start].Is("async"));
            var t = tokens[i];

            // radon counts an assert once and does not look inside it; it does look inside f-string fields.
            if (!inAssert)
            {
                function.Cyclomatic += t.Kind == TokenKind.String ? FStrings.Decisions(tokens, i, masked) : PythonAnalyzer.Cyclomatic(tokens, i, lineStart && start == line.First, loopOrTry);
            }

            inAssert |= t.Is("assert");
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            function.Cognitive += t.Text switch
            {
                "if" or "for" or "while" or "except" when lineStart => 1 + nesting,
                "elif" or "else" when lineStart => 1,
                "if" when !sawFor => 1 + nesting,
                "and" or "or" when t.Text != lastBoolean => 1,
                _ => 0,
            };
            lastBoolean = t.Text is "and" or "or" ? t.Text : lastBoolean;
            sawFor |= t.Is("for");
        }
    }

    // The index of the `:` ending a def or class header (after parameters and a return annotation).
    private int SignatureEnd(int from, int last)
    {
        var depth = 0;
        for (var i = from; i <= last; i++)
        {
            var text = tokens[i].Text;
            depth += text is "(" or "[" or "{" ? 1 : text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && text == ":")
            {
                return i;
            }
        }

        return last;
    }

    private int Parameters(int open, int last, bool method)
    {
        if (open > last || !tokens[open].Is("("))
        {
            return 0;
        }

        var names = new List<string>();
        var depth = 0;
        var expectName = true;
        for (var i = open + 1; i <= last; i++)
        {
            var text = tokens[i].Text;
            if (depth == 0 && text == ")")
            {
                break;
            }

            depth += text is "(" or "[" or "{" ? 1 : text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && text == ",")
            {
                expectName = true;
            }
            else if (expectName && tokens[i].Kind == TokenKind.Word && depth == 0)
            {
                names.Add(text);
                expectName = false;
            }
        }

        return names.Count - (method && names.Count > 0 && names[0] is "self" or "cls" ? 1 : 0);
    }

    private bool Docstring(int li, LogicalLine line)
    {
        var colon = SignatureEnd(line.First, line.Last);
        if (colon < line.Last)
        {
            return IsString(colon + 1);
        }

        return li + 1 < lines.Count && lines[li + 1].Indent > line.Indent && IsString(lines[li + 1].First);
    }

    private bool IsString(int i) =>
        i < tokens.Count && (tokens[i].Kind == TokenKind.String ||
            (tokens[i].Kind == TokenKind.Word && tokens[i].Text.Length <= 2 && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.String && tokens[i + 1].Offset == tokens[i].Offset + tokens[i].Text.Length));
}
