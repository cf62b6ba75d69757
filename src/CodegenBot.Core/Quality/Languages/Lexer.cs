using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>What a token is.</summary>
internal enum TokenKind
{
    /// <summary>A word: identifier or keyword.</summary>
    Word,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>A string literal (its contents are blanked in the masked text).</summary>
    String,

    /// <summary>An operator or punctuation, longest match.</summary>
    Symbol,
}

/// <summary>One token of a masked source: its text, offset and 1-based line.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, int Line)
{
    public bool Is(string text) => string.Equals(Text, text, StringComparison.Ordinal);
}

/// <summary>
/// Splits <see cref="MaskedSource.Structure"/> into tokens. Comments are already blanked there and string contents
/// are spaces between their quotes, so a literal becomes one <see cref="TokenKind.String"/> token (or, in a
/// JavaScript template with substitutions, a string token around the tokens of each substitution). Linear time.
/// </summary>
internal static class Lexer
{
    // Longest first within each leading character.
    private static readonly string[] Operators =
    [
        ">>>=", "...", "<<=", ">>=", ">>>", "===", "!==", "**=", "&&=", "||=", "??=", "&^=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
        "<<", ">>", "->", "::", ":=", "<-", "**", "&^",
    ];

    /// <summary>The tokens of the masked text.</summary>
    public static List<Token> Tokenize(MaskedSource masked) => Tokenize(masked, out _);

    /// <summary>The tokens, and the offsets of string literals left open at the end of their line or file.</summary>
    public static List<Token> Tokenize(MaskedSource masked, out List<int> unterminated)
    {
        var scanner = new Scanner(masked.Structure);
        var tokens = scanner.Run();
        unterminated = scanner.Unterminated;
        return tokens;
    }

    private sealed class Scanner(string text)
    {
        private readonly List<Token> _tokens = new(text.Length / 4);

        // Brace depth at which each open template substitution (`${`) closes.
        private readonly Stack<int> _templates = new();
        private int _braces;
        private int _line = 1;
        private int _i;

        public List<int> Unterminated { get; } = [];

        public List<Token> Run()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '\n')
                {
                    _line++;
                    _i++;
                }
                else if (char.IsWhiteSpace(c))
                {
                    _i++;
                }
                else if (char.IsLetter(c) || c is '_' or '$')
                {
                    Word(TokenKind.Word, static ch => char.IsLetterOrDigit(ch) || ch is '_' or '$');
                }
                else if (char.IsDigit(c))
                {
                    Word(TokenKind.Number, static ch => char.IsLetterOrDigit(ch) || ch is '_' or '.');
                }
                else if (c is '"' or '\'' or '`')
                {
                    StringLiteral(c, _i, opening: true);
                }
                else if (c == '}' && _templates.Count > 0 && _templates.Peek() == _braces)
                {
                    _templates.Pop();
                    _braces--;
                    _tokens.Add(new Token(TokenKind.Symbol, "}", _i, _line));
                    StringLiteral('`', _i, opening: false);
                }
                else
                {
                    var i = _i;
                    var op = Array.Find(Operators, o => o[0] == c && string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
                    var symbol = op ?? c.ToString();
                    _braces += c == '{' ? 1 : c == '}' ? -1 : 0;
                    _tokens.Add(new Token(TokenKind.Symbol, symbol, _i, _line));
                    _i += symbol.Length;
                }
            }

            return _tokens;
        }

        private void Word(TokenKind kind, Func<char, bool> part)
        {
            var start = _i;
            while (_i < text.Length && part(text[_i]))
            {
                _i++;
            }

            _tokens.Add(new Token(kind, text[start.._i], start, _line));
        }

        // opening: at the quote; otherwise just after the `}` of a template substitution.
        private void StringLiteral(char quote, int start, bool opening)
        {
            var run = 1;
            if (opening)
            {
                while (_i + run < text.Length && text[_i + run] == quote && run < 3)
                {
                    run++;
                }

                if (run == 2)
                {
                    _tokens.Add(new Token(TokenKind.String, text.Substring(_i, 2), start, _line));
                    _i += 2; // an empty literal
                    return;
                }
            }

            var line = _line;
            var delimiter = new string(quote, run);
            var k = _i + run;
            while (k < text.Length && string.CompareOrdinal(text, k, delimiter, 0, run) != 0)
            {
                if (quote == '`' && text[k] == '$' && k + 1 < text.Length && text[k + 1] == '{')
                {
                    // The substitution's code is tokenized as code; its `}` resumes the literal.
                    _tokens.Add(new Token(TokenKind.String, "`", start, line));
                    _braces++;
                    _templates.Push(_braces);
                    _tokens.Add(new Token(TokenKind.Symbol, "{", k + 1, _line));
                    _i = k + 2;
                    return;
                }

                if (text[k] == '\n')
                {
                    if (run == 1 && quote != '`')
                    {
                        break; // unterminated on its line
                    }

                    _line++;
                }

                k++;
            }

            _tokens.Add(new Token(TokenKind.String, quote.ToString(), start, line));
            if (k >= text.Length || string.CompareOrdinal(text, k, delimiter, 0, run) != 0)
            {
                Unterminated.Add(start);
                _i = k;
                return;
            }

            _i = k + run;
        }
    }
}
