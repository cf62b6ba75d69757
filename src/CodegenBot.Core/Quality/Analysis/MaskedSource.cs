using System.Text;

namespace CodegenBot.Core.Quality.Analysis;

/// <summary>The comment and string syntax a language family shares.</summary>
public enum LexicalFamily
{
    /// <summary><c>//</c> and <c>/* */</c> comments, <c>"</c> and <c>'</c> strings (C#, Java, Go, C, Rust, Kotlin).</summary>
    CStyle,

    /// <summary>C-style plus template literals and regular expression literals (JavaScript, TypeScript).</summary>
    JavaScript,

    /// <summary><c>#</c> comments, single, triple-quoted and prefixed strings (Python).</summary>
    Python,

    /// <summary><c>#</c> comments and quoted strings (shell, Ruby, YAML-like text).</summary>
    Hash,

    /// <summary>No comment syntax known: nothing is masked.</summary>
    Plain,
}

/// <summary>
/// A source file with its comments blanked (<see cref="Code"/>) and, in addition, the contents of its string
/// literals blanked (<see cref="Structure"/>). Both keep every offset and line break of the original, so a match in
/// either maps to the original's line and column. Rules match code in <see cref="Code"/> (so a commented-out call
/// is not a finding) and structure in <see cref="Structure"/> (so a brace inside a string is not a block).
/// </summary>
public sealed class MaskedSource
{
    private readonly int[] _lineStarts;

    private MaskedSource(string original, string code, string structure, IReadOnlyList<Range> comments, IReadOnlyList<Range> strings)
    {
        Original = original;
        Code = code;
        Structure = structure;
        Comments = comments;
        Strings = strings;
        var starts = new List<int> { 0 };
        for (var i = 0; i < original.Length; i++)
        {
            if (original[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>The text as read.</summary>
    public string Original { get; }

    /// <summary>The text with every comment replaced by spaces (line breaks kept).</summary>
    public string Code { get; }

    /// <summary>The text with comments and the contents of string literals replaced by spaces; quotes are kept.</summary>
    public string Structure { get; }

    /// <summary>Comment spans in the original, delimiters included, in order.</summary>
    public IReadOnlyList<Range> Comments { get; }

    /// <summary>String literal content spans in the original (quotes excluded), in order.</summary>
    public IReadOnlyList<Range> Strings { get; }

    /// <summary>The family of a language id (csharp, java, go, javascript, typescript, python, ...).</summary>
    public static LexicalFamily FamilyOf(string language) => language switch
    {
        "javascript" or "typescript" => LexicalFamily.JavaScript,
        "python" => LexicalFamily.Python,
        "shell" or "ruby" or "yaml" or "toml" or "perl" or "r" => LexicalFamily.Hash,
        "csharp" or "java" or "go" or "c" or "cpp" or "rust" or "kotlin" or "scala" or "swift" or "php" => LexicalFamily.CStyle,
        _ => LexicalFamily.Plain,
    };

    /// <summary>Masks a file of the given language.</summary>
    public static MaskedSource Create(string content, string language) => Create(content, FamilyOf(language));

    /// <summary>Masks a file of the given family. Never throws: an unterminated literal runs to the end of the file.</summary>
    public static MaskedSource Create(string content, LexicalFamily family)
    {
        var code = new StringBuilder(content);
        var structure = new StringBuilder(content);
        var comments = new List<Range>();
        var strings = new List<Range>();
        if (family != LexicalFamily.Plain)
        {
            new Scanner(content, family, code, structure, comments, strings).Run();
        }

        return new MaskedSource(content, code.ToString(), structure.ToString(), comments, strings);
    }

    /// <summary>The 1-based line and column of an offset (clamped to the text).</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, Original.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>Whether the offset lies inside a comment.</summary>
    public bool InComment(int offset) => Contains(Comments, offset);

    /// <summary>Whether the offset lies inside the contents of a string literal.</summary>
    public bool InString(int offset) => Contains(Strings, offset);

    private static bool Contains(IReadOnlyList<Range> ranges, int offset)
    {
        int low = 0, high = ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var (start, length) = ranges[mid].GetOffsetAndLength(int.MaxValue);
            if (offset < start)
            {
                high = mid - 1;
            }
            else if (offset >= start + length)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Scanner(string text, LexicalFamily family, StringBuilder code, StringBuilder structure, List<Range> comments, List<Range> strings)
    {
        private int _i;

        // Brace depth of each template literal substitution being scanned (JavaScript `${ ... }`).
        private readonly Stack<int> _templateDepths = new();
        private int _braceDepth;

        public void Run()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                var next = _i + 1 < text.Length ? text[_i + 1] : '\0';
                if (family is LexicalFamily.Python or LexicalFamily.Hash)
                {
                    // In shell, `$#` and `${#name}` are not comments.
                    if (c == '#' && !(family == LexicalFamily.Hash && _i > 0 && text[_i - 1] is '$' or '{'))
                    {
                        LineComment();
                    }
                    else if (c is '"' or '\'')
                    {
                        PythonString();
                    }
                    else
                    {
                        _i++;
                    }

                    continue;
                }

                if (c == '/' && next == '/')
                {
                    LineComment();
                }
                else if (c == '/' && next == '*')
                {
                    BlockComment();
                }
                else if (c == '"')
                {
                    CStyleString();
                }
                else if (c == '\'')
                {
                    QuotedString('\'', escapes: true);
                }
                else if (c == '`')
                {
                    if (family == LexicalFamily.JavaScript)
                    {
                        TemplateLiteral();
                    }
                    else
                    {
                        QuotedString('`', escapes: false);
                    }
                }
                else if (family == LexicalFamily.JavaScript && c == '/' && RegexCanStart())
                {
                    RegexLiteral();
                }
                else if (family == LexicalFamily.JavaScript && c == '{')
                {
                    _braceDepth++;
                    _i++;
                }
                else if (family == LexicalFamily.JavaScript && c == '}' && _templateDepths.Count > 0 && _templateDepths.Peek() == _braceDepth)
                {
                    _templateDepths.Pop();
                    _braceDepth--;
                    _i++;
                    TemplateLiteralBody();
                }
                else
                {
                    if (c == '}')
                    {
                        _braceDepth--;
                    }

                    _i++;
                }
            }
        }

        private void LineComment()
        {
            var start = _i;
            while (_i < text.Length && text[_i] != '\n')
            {
                _i++;
            }

            Comment(start, _i);
        }

        private void BlockComment()
        {
            var start = _i;
            var end = text.IndexOf("*/", _i + 2, StringComparison.Ordinal);
            _i = end < 0 ? text.Length : end + 2;
            Comment(start, _i);
        }

        private void Comment(int start, int end)
        {
            comments.Add(start..end);
            for (var k = start; k < end; k++)
            {
                if (text[k] != '\n' && text[k] != '\r')
                {
                    code[k] = ' ';
                    structure[k] = ' ';
                }
            }
        }

        private void StringContent(int start, int end)
        {
            if (end <= start)
            {
                return;
            }

            strings.Add(start..end);
            for (var k = start; k < end; k++)
            {
                if (text[k] != '\n' && text[k] != '\r')
                {
                    structure[k] = ' ';
                }
            }
        }

        private void CStyleString()
        {
            // C# raw ("""...""") and verbatim (@"...", $@"...", @$"...") strings; everything else escapes with a backslash.
            if (At("\"\"\""))
            {
                var quotes = 0;
                while (_i + quotes < text.Length && text[_i + quotes] == '"')
                {
                    quotes++;
                }

                var delimiter = new string('"', quotes);
                var start = _i + quotes;
                var end = text.IndexOf(delimiter, start, StringComparison.Ordinal);
                StringContent(start, end < 0 ? text.Length : end);
                _i = end < 0 ? text.Length : end + quotes;
                return;
            }

            var verbatim = _i > 0 && (text[_i - 1] == '@' || (_i > 1 && text[_i - 1] == '$' && text[_i - 2] == '@'));
            if (verbatim)
            {
                var start = _i + 1;
                var k = start;
                while (k < text.Length)
                {
                    if (text[k] == '"')
                    {
                        if (k + 1 < text.Length && text[k + 1] == '"')
                        {
                            k += 2;
                            continue;
                        }

                        break;
                    }

                    k++;
                }

                StringContent(start, k);
                _i = Math.Min(text.Length, k + 1);
                return;
            }

            QuotedString('"', escapes: true);
        }

        private void QuotedString(char quote, bool escapes)
        {
            var start = _i + 1;
            var k = start;
            while (k < text.Length && text[k] != quote)
            {
                if (escapes && text[k] == '\\')
                {
                    k++;
                }
                else if (text[k] == '\n' && quote != '`')
                {
                    break; // an unterminated literal ends at the line
                }

                k++;
            }

            k = Math.Min(k, text.Length);
            StringContent(start, k);
            _i = Math.Min(text.Length, k + 1);
        }

        private void PythonString()
        {
            var quote = text[_i];
            var triple = At(new string(quote, 3));
            var start = _i + (triple ? 3 : 1);
            var k = start;
            var raw = _i > 0 && (text[_i - 1] is 'r' or 'R' || (_i > 1 && text[_i - 2] is 'r' or 'R' && char.IsLetter(text[_i - 1])));
            while (k < text.Length)
            {
                if (text[k] == '\\' && !raw)
                {
                    k += 2;
                    continue;
                }

                if (text[k] == '\\' && raw)
                {
                    k += 2; // a raw string still cannot end in an odd backslash before its quote
                    continue;
                }

                if (triple ? string.CompareOrdinal(text, k, new string(quote, 3), 0, 3) == 0 : text[k] == quote)
                {
                    break;
                }

                if (!triple && text[k] == '\n')
                {
                    break;
                }

                k++;
            }

            k = Math.Min(k, text.Length);
            StringContent(start, k);
            _i = Math.Min(text.Length, k + (triple ? 3 : 1));
        }

        private void TemplateLiteral()
        {
            _i++;
            TemplateLiteralBody();
        }

        private void TemplateLiteralBody()
        {
            var start = _i;
            while (_i < text.Length)
            {
                if (text[_i] == '\\')
                {
                    _i += 2;
                    continue;
                }

                if (text[_i] == '`')
                {
                    StringContent(start, _i);
                    _i++;
                    return;
                }

                if (text[_i] == '$' && _i + 1 < text.Length && text[_i + 1] == '{')
                {
                    StringContent(start, _i);
                    _i += 2;
                    _braceDepth++;
                    _templateDepths.Push(_braceDepth);
                    return;
                }

                _i++;
            }

            StringContent(start, text.Length);
        }

        private bool RegexCanStart()
        {
            var k = _i - 1;
            while (k >= 0 && text[k] is ' ' or '\t')
            {
                k--;
            }

            if (k < 0 || text[k] == '\n')
            {
                return true;
            }

            var p = text[k];
            if ("(,=:[!&|?{};+-*%<>~^".Contains(p, StringComparison.Ordinal))
            {
                return true;
            }

            // After a keyword such as return or typeof a slash starts a literal.
            var end = k + 1;
            while (k >= 0 && char.IsLetter(text[k]))
            {
                k--;
            }

            var word = text[(k + 1)..end];
            return word is "return" or "typeof" or "case" or "do" or "else" or "in" or "of" or "void" or "yield" or "await" or "throw" or "delete" or "instanceof";
        }

        private void RegexLiteral()
        {
            var start = _i + 1;
            var k = start;
            var inClass = false;
            while (k < text.Length && text[k] != '\n')
            {
                var c = text[k];
                if (c == '\\')
                {
                    k += 2;
                    continue;
                }

                if (c == '[')
                {
                    inClass = true;
                }
                else if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '/' && !inClass)
                {
                    break;
                }

                k++;
            }

            if (k >= text.Length || text[k] != '/')
            {
                _i++; // not a literal after all: a division
                return;
            }

            StringContent(start, k);
            _i = k + 1;
        }

        private bool At(string s) => string.CompareOrdinal(text, _i, s, 0, s.Length) == 0;
    }
}
