namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// The identifiers a source file uses, for languages without a full parser here: a scan that skips string
/// literals and comments (<c>//</c>, <c>/* */</c>, and <c>#</c> where it starts comments) and drops keywords.
/// </summary>
internal static class IdentifierTokenizer
{
    private static readonly HashSet<string> HashComments = ["python", "ruby", "shell", "perl", "powershell", "yaml", "toml", "makefile"];

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "else", "for", "while", "do", "return", "break", "continue", "switch", "case", "default", "try", "catch",
        "finally", "throw", "new", "class", "interface", "struct", "enum", "function", "def", "func", "var", "let", "const",
        "import", "from", "export", "package", "public", "private", "protected", "static", "final", "void", "null", "nil",
        "None", "true", "false", "True", "False", "this", "self", "super", "and", "or", "not", "in", "is", "as", "with",
        "lambda", "yield", "async", "await", "type", "struct", "go", "defer", "range", "map", "chan", "select", "extends",
        "implements", "abstract", "elif", "except", "raise", "pass", "global", "nonlocal", "del", "assert", "typeof",
        "instanceof", "undefined", "int", "string", "bool", "float", "double", "long", "char", "byte", "end", "begin",
        "then", "fi", "done", "echo", "local", "module", "require", "use", "mut", "impl", "fn", "pub", "match", "where",
    };

    public static IReadOnlyList<string> Identifiers(ReadOnlySpan<char> text, string language, ISet<string> ownNames)
    {
        var hashComments = HashComments.Contains(language);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/' || (hashComments && c == '#'))
            {
                i = SkipTo(text, i, "\n");
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = SkipTo(text, i + 2, "*/");
            }
            else if (c is '"' or '\'' or '`')
            {
                i = SkipString(text, i, c);
            }
            else if (CharClasses.IsAsciiWordStart(c))
            {
                var start = i;
                while (i < text.Length && CharClasses.IsAsciiWordPart(text[i]))
                {
                    i++;
                }

                // The shared copy of the name: no new string for a name seen before, in this file or another.
                if (i - start > 1 && Names.Intern(text.Slice(start, i - start)) is var word && !Keywords.Contains(word) && !ownNames.Contains(word))
                {
                    found.Add(word);
                }
            }
            else
            {
                i++;
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    private static int SkipTo(ReadOnlySpan<char> text, int from, string end)
    {
        var index = text[from..].IndexOf(end, StringComparison.Ordinal);
        return index < 0 ? text.Length : from + index + end.Length;
    }

    private static int SkipString(ReadOnlySpan<char> text, int start, char quote)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote || (quote != '`' && text[i] == '\n'))
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
