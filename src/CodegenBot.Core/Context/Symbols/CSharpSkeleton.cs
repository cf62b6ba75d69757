using Microsoft.CodeAnalysis.CSharp;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// One lexical pass over a C# file that does two jobs for <see cref="CSharpSymbolExtractor"/>: it collects the
/// identifiers the code uses (outside comments and string literals, inside interpolation holes; keywords dropped),
/// and it empties the insides of member bodies (method, constructor, operator, accessor and lambda blocks) of
/// everything but their line breaks, and the expressions of expression-bodied members and accessors
/// (<c>=&gt; expression;</c>) down to <c>default</c> and their line breaks, so Roslyn parses only the declarations, each
/// on the line it was on. Comments before a declaration's first token leave it too, keeping their line breaks; the
/// documentation comments among them are handed back as <see cref="DocComment"/>s. Bodies are most of the text and
/// most of the parse time (expressions parse slowest of all); nothing the extractor reports lives inside them.
/// Columns and offsets after an emptied range do change: only line numbers are read from the skeleton's tree.
/// </summary>
/// <remarks>
/// Which block is a body is decided from the tokens before its <c>{</c>, within the declaration (since the last
/// <c>;</c>, <c>{</c> or <c>}</c>): inside a type, a block after <c>)</c>, <c>=&gt;</c> or a <c>where</c> clause
/// that follows a parameter list is a body; a block after a type keyword is a nested type; any other (a property's
/// accessor list, an initializer) is entered, and every block inside it is a body. Outside types (top-level
/// statements) nothing is emptied. An expression body starts at a <c>=&gt;</c> directly inside a type or an accessor
/// list, in a declaration with no <c>=</c> before it, and ends at the first <c>;</c> outside its brackets. When the
/// braces do not balance (a conditional-compilation branch that opens one), or an expression body meets a bracket it
/// did not open, a preprocessor directive or a word no expression holds (<c>public</c>, <c>class</c>...: its
/// <c>;</c> is missing), there is no skeleton and the caller parses the original text.
/// </remarks>
internal ref struct CSharpSkeleton
{
    /// <summary>
    /// What a block is. <see cref="Initializer"/> is the braces of a field's or property's initializer (after its
    /// <c>=</c>): blocks inside are bodies, as in an accessor list, but a <c>=&gt;</c> there is a switch arm or a
    /// lambda, never an expression body.
    /// </summary>
    private enum Block { Namespace, Type, Accessors, Initializer, Other }

    private enum Last { None, Word, CloseParen, Arrow, Other }

    /// <summary>Words a thread keeps in <see cref="t_words"/> before it starts over.</summary>
    private const int WordsCapacity = 200_000;

    /// <summary>
    /// The words this thread's scans have met, each with a mark: the number of the last scan that listed it, shifted
    /// left once, and a low bit set for keywords. Looking a word up once here tells whether it is a keyword and
    /// whether this file already listed it.
    /// </summary>
    [ThreadStatic]
    private static NameTable? t_words;

    [ThreadStatic]
    private static int t_scans;

    private readonly ReadOnlySpan<char> _text;
    private readonly List<string> _identifiers = [];
    private readonly NameTable _words;
    private readonly int _scan;
    private readonly Stack<Block> _blocks = new();
    // Each range emptied, and what goes before its line breaks: an expression body's default, a space after a lone
    // carriage return (so it cannot pair with a line feed after the range), or nothing.
    private readonly List<(int From, int To, string Insert)> _emptied = [];
    private readonly List<DocComment> _docs = [];
    private int _i;

    // Characters the skeleton loses before the cursor: each emptied range's length less what it keeps (its line
    // breaks, and what is inserted before them).
    private int _shift;

    // Whether the declaration being read has a token yet: comments before its first token leave the skeleton.
    private bool _started;

    // The run of /// lines being read (its index in _docs), or -1: anything but white space ends it.
    private int _openRun = -1;

    // Whether a line break has come since the last token (or there was none yet): before it, a comment is the last
    // token's trailing trivia to Roslyn, after it the next token's leading trivia, where documentation is read.
    private bool _afterBreak = true;
    private bool _failed;
    private bool _unexpected;

    // The declaration being read, since the last ';', '{' or '}'.
    private bool _typeKeyword;
    private bool _namespaceKeyword;
    private bool _sawParen;
    private bool _whereAfterParen;
    private bool _firstWordSeen;
    private bool _sawEquals;

    // The column the declaration's first token starts at (-1 when other text comes before it on its line), -2 until
    // that token is read.
    private int _declarationIndent = NotYet;
    private const int NotYet = -2;
    private int _parens;
    private int _brackets;
    private Last _last;

    // The body being emptied: where its '{' is and how many braces are open inside it.
    private int _bodyStart = -1;
    private int _bodyNesting;

    // The expression body being emptied: where it starts (after its =>), how many parentheses and square brackets are
    // open inside it, and how deep inside a block of it (a lambda's) the scan is.
    private int _arrowStart = -1;
    private int _arrowNesting;
    private int _arrowBraces;

    private CSharpSkeleton(ReadOnlySpan<char> text)
    {
        _text = text;
        _words = t_words ??= new NameTable();
        if (_words.Count > WordsCapacity || t_scans == int.MaxValue >> 1)
        {
            _words.Clear();
            t_scans = 0;
        }

        _scan = ++t_scans;
    }

    /// <summary>
    /// The text with member bodies emptied (null when its braces could not be followed) and the identifiers it uses,
    /// each once, in the order they first appear.
    /// </summary>
    public static (string? Skeleton, IReadOnlyList<string> Identifiers) Scan(string text)
    {
        var (skeleton, identifiers, unchanged, _) = Scan(text.AsSpan());
        return (unchanged ? text : skeleton, identifiers);
    }

    /// <summary>
    /// As <see cref="Scan(string)"/>, for text that is not a string (a pooled buffer): Unchanged says the skeleton
    /// would be the text itself (no bodies), and then Skeleton is null; the caller makes the string if it needs one.
    /// </summary>
    /// <remarks>
    /// DocComments are the documentation comments the skeleton no longer holds, in order (empty when there is no
    /// skeleton, or it is the text).
    /// </remarks>
    public static (string? Skeleton, IReadOnlyList<string> Identifiers, bool Unchanged, IReadOnlyList<DocComment> DocComments) Scan(ReadOnlySpan<char> text)
    {
        var scanner = new CSharpSkeleton(text);
        scanner.Run();
        var balanced = !scanner._failed && !scanner._unexpected && scanner._blocks.Count == 0 && scanner._bodyStart < 0 && scanner._arrowStart < 0;
        var unchanged = balanced && scanner._emptied.Count == 0;
        return balanced && !unchanged
            ? (scanner.Skeleton(), scanner._identifiers, false, scanner._docs)
            : (null, scanner._identifiers, unchanged, []);
    }

    /// <summary>
    /// The text with every body's inside reduced to its line breaks, as Roslyn counts them (<c>\r\n</c>, <c>\r</c>,
    /// <c>\n</c>, U+0085, U+2028, U+2029). A lone <c>\r</c> keeps a space after it, so it cannot pair with a
    /// <c>\n</c> kept from further on into one break.
    /// </summary>
    private readonly string Skeleton()
    {
        var length = _text.Length - _shift;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        try
        {
            var skeleton = buffer.AsSpan(0, length);
            var (kept, written) = (0, 0);
            foreach (var (from, to, insert) in _emptied)
            {
                _text[kept..from].CopyTo(skeleton[written..]);
                written += from - kept;
                insert.CopyTo(skeleton[written..]);
                written += insert.Length;

                written += Emptied(_text, from, to, skeleton[written..]);
                kept = to;
            }

            _text[kept..].CopyTo(skeleton[written..]);
            return new string(skeleton);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the line breaks of text[from..to) to <paramref name="destination"/> (when it is not empty); returns how many characters they take.</summary>
    private static int Emptied(ReadOnlySpan<char> text, int from, int to, Span<char> destination)
    {
        var written = 0;
        for (var k = from; k < to; k++)
        {
            // From one line break to the next in a vectorised step: bodies are most of the text, and this runs twice
            // over each emptied range (once to measure the skeleton, once to write it).
            var next = text[k..to].IndexOfAny(LineBreaks);
            if (next < 0)
            {
                break;
            }

            k += next;
            var c = text[k];
            var lone = c == '\r' && (k + 1 >= text.Length || text[k + 1] != '\n');
            if (!destination.IsEmpty)
            {
                destination[written] = c;
                if (lone)
                {
                    destination[written + 1] = ' ';
                }
            }

            written += lone ? 2 : 1;
        }

        return written;
    }

    private enum Token { Trivia, Literal, Word, Punctuation }

    private void Run()
    {
        while (!_failed && _i < _text.Length)
        {
            switch (Next(out var word))
            {
                case Token.Trivia:
                    break;
                case Token.Literal:
                    _last = Last.Other;
                    break;
                case Token.Word:
                    OnWord(word);
                    break;
                default:
                    OnPunctuation(_text[_i++]);
                    break;
            }
        }
    }

    /// <summary>
    /// Moves past the whitespace, comment, literal or word at the cursor (a word is recorded as used unless it is a
    /// keyword); at a punctuation character it leaves the cursor there and says so.
    /// </summary>
    private Token Next(out ReadOnlySpan<char> word)
    {
        word = default;
        if (SkipTrivia())
        {
            return Token.Trivia;
        }

        _started = true;
        _openRun = -1;
        _afterBreak = false;

        var c = _text[_i];
        if (StartsString())
        {
            SkipString();
            return Token.Literal;
        }

        if (c == '\'')
        {
            SkipCharLiteral();
            return Token.Literal;
        }

        if (IsIdentifierStart(c) || (c == '@' && _i + 1 < _text.Length && IsIdentifierStart(_text[_i + 1])))
        {
            word = ReadWord();
            return Token.Word;
        }

        if (CharClasses.IsAsciiDigit(c))
        {
            SkipNumber();
            return Token.Literal;
        }

        return Token.Punctuation;
    }

    private void OnWord(ReadOnlySpan<char> word)
    {
        _last = Last.Word;
        var start = _i - word.Length;
        var verbatim = start > 0 && _text[start - 1] == '@';
        if (_arrowStart >= 0 && (RunsOnAt(verbatim ? start - 1 : start) || (!verbatim && word is "public" or "private" or "protected"
                or "internal" or "override" or "virtual" or "abstract" or "sealed" or "extern" or "class" or "struct" or "interface"
                or "enum" or "namespace" or "event")))
        {
            // The body ran on into the next declaration (its ';' is missing): no skeleton, so the parser's own
            // recovery reads the file; the scan goes on for the identifiers.
            _arrowStart = -1;
            _unexpected = true;
        }

        if (_bodyStart >= 0 || _arrowStart >= 0)
        {
            return;
        }

        if (_declarationIndent == NotYet)
        {
            _declarationIndent = Indentation(verbatim ? start - 1 : start);
        }

        var outside = _parens == 0 && _brackets == 0;
        if (outside && !_sawParen && word is "class" or "struct" or "interface" or "record" or "enum")
        {
            _typeKeyword = true;
        }
        else if (outside && !_firstWordSeen && word is "extension")
        {
            _typeKeyword = true; // C# 14 extension blocks hold member declarations, like a type
        }
        else if (outside && word is "namespace")
        {
            _namespaceKeyword = true;
        }
        else if (outside && _sawParen && word is "where")
        {
            _whereAfterParen = true;
        }

        if (outside)
        {
            _firstWordSeen = true;
        }
    }

    private void OnPunctuation(char c)
    {
        if (_arrowStart >= 0)
        {
            InExpressionBody(c);
            return;
        }

        switch (c)
        {
            case '{':
                OpenBrace();
                return;
            case '}':
                CloseBrace();
                return;
            case ';':
                ResetDeclaration();
                return;
            case '(':
                _parens++;
                if (_brackets == 0)
                {
                    _sawParen = true;
                }

                break;
            case ')':
                _parens = Math.Max(0, _parens - 1);
                _last = Last.CloseParen;
                return;
            case '[':
                if (_declarationIndent == NotYet && _bodyStart < 0)
                {
                    _declarationIndent = Indentation(_i - 1);
                }

                _brackets++;
                break;
            case ']':
                _brackets = Math.Max(0, _brackets - 1);
                break;
            case '=' when _i < _text.Length && _text[_i] == '>':
                _i++;
                _last = Last.Arrow;
                if (StartsExpressionBody())
                {
                    _arrowStart = _i;
                    _arrowNesting = _arrowBraces = 0;
                }

                return;
            case '=' when _parens == 0 && _brackets == 0:
                _sawEquals = true;
                break;
        }

        _last = Last.Other;
    }

    /// <summary>
    /// Whether the <c>=&gt;</c> just read starts a member's or an accessor's expression body: directly inside a type
    /// or an accessor list, outside brackets, in a declaration without an <c>=</c> before it (a field's or a property's
    /// initializer, or an operator such as <c>==</c>, which is left as it is).
    /// </summary>
    private bool StartsExpressionBody() =>
        _bodyStart < 0 && _parens == 0 && _brackets == 0 && !_sawEquals && !_typeKeyword
        && _blocks.TryPeek(out var block) && block is Block.Type or Block.Accessors;

    /// <summary>
    /// A punctuation character inside an expression body: the body ends at the first <c>;</c> outside the brackets it
    /// opens. A bracket closing what the body did not open means the text is not what the scan expects: there will be
    /// no skeleton (the caller parses the original text), and the bracket is read as if no body had started.
    /// </summary>
    private void InExpressionBody(char c)
    {
        if (_arrowBraces > 0)
        {
            // Inside a block of the body (a lambda's): only its braces count, as in an emptied block body.
            _arrowBraces += c switch { '{' => 1, '}' => -1, _ => 0 };
            return;
        }

        if (c is '[' or '~' && _arrowNesting == 0 && RunsOnAt(_i - 1))
        {
            _arrowStart = -1;
            _unexpected = true;
            OnPunctuation(c);
            return;
        }

        switch (c)
        {
            case '{':
                _arrowBraces++;
                break;
            case '(' or '[':
                _arrowNesting++;
                break;
            case ')' or ']' or '}' when _arrowNesting == 0:
                // Not a body after all: no skeleton, but the scan goes on for the identifiers.
                _arrowStart = -1;
                _unexpected = true;
                OnPunctuation(c);
                break;
            case ')' or ']':
                _arrowNesting--;
                break;
            case ';' when _arrowNesting == 0:
                Remove(_arrowStart, _i - 1, expression: true);
                _arrowStart = -1;
                ResetDeclaration();
                break;
        }
    }

    /// <summary>
    /// Whether the token at <paramref name="position"/>, inside an expression body and outside its brackets, starts a
    /// line no further indented than the declaration the body belongs to: that is where the next member would start
    /// had the body's <c>;</c> been left out. A body's own lines are indented deeper (or start with a bracket or an
    /// operator, which never come here). Code without indentation only loses its skeleton, never a declaration.
    /// </summary>
    private bool RunsOnAt(int position) =>
        _arrowNesting == 0 && _declarationIndent >= 0 && Indentation(position) is >= 0 and var indent && indent <= _declarationIndent;

    /// <summary>The column of the token at <paramref name="position"/> when only spaces and tabs come before it on its line, else -1.</summary>
    private int Indentation(int position)
    {
        for (var k = position - 1; k >= 0; k--)
        {
            var c = _text[k];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                return position - k - 1;
            }

            if (c is not ' ' and not '\t')
            {
                return -1;
            }
        }

        return position;
    }

    /// <summary>What an emptied expression body holds, so the declaration still parses.</summary>
    private const string Default = " default";

    private void OpenBrace()
    {
        if (_bodyStart >= 0)
        {
            _bodyNesting++;
            return;
        }

        var enclosing = _blocks.Count == 0 ? Block.Namespace : _blocks.Peek();
        var body = enclosing switch
        {
            Block.Accessors or Block.Initializer => true,
            Block.Type => !_typeKeyword && (_last is Last.CloseParen or Last.Arrow || _whereAfterParen),
            _ => false,
        };
        if (body)
        {
            _bodyStart = _i - 1;
            _bodyNesting = 0;
        }
        else
        {
            _blocks.Push(enclosing switch
            {
                Block.Namespace => _namespaceKeyword ? Block.Namespace : _typeKeyword ? Block.Type : Block.Other,
                Block.Type => _typeKeyword ? Block.Type : _sawEquals ? Block.Initializer : Block.Accessors,
                _ => Block.Other,
            });
        }

        ResetDeclaration();
    }

    private void CloseBrace()
    {
        if (_bodyStart >= 0)
        {
            if (_bodyNesting > 0)
            {
                _bodyNesting--;
                return;
            }

            Remove(_bodyStart + 1, _i - 1, expression: false);
            _bodyStart = -1;
        }
        else if (!_blocks.TryPop(out var closed))
        {
            _failed = true;
        }
        else if (closed == Block.Initializer)
        {
            // The declaration goes on after its initializer's braces (new[] { 1 }.Length > 0 ? f : x => x): still
            // after its '=', so no expression body can start in it.
            ResetDeclaration();
            _sawEquals = true;
            return;
        }

        ResetDeclaration();
    }

    private void ResetDeclaration()
    {
        _started = false;
        _typeKeyword = _namespaceKeyword = _sawParen = _whereAfterParen = _firstWordSeen = _sawEquals = false;
        _declarationIndent = NotYet;
        _parens = _brackets = 0;
        _last = Last.None;
    }

    /// <summary>The line breaks Roslyn knows.</summary>
    internal static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\u0085\u2028\u2029");

    /// <summary>
    /// Empties text[from..to) in the skeleton, keeping its line breaks, and for an expression body a default. After a
    /// lone carriage return a space is kept too: otherwise a line feed after the range would join it into one break,
    /// and every later line would move up one.
    /// </summary>
    private void Remove(int from, int to, bool expression)
    {
        var insert = expression ? Default : from > 0 && _text[from - 1] == '\r' ? " " : "";
        _emptied.Add((from, to, insert));
        _shift += (to - from) - Emptied(_text, from, to, []) - insert.Length;
    }

    /// <summary>
    /// A comment from <paramref name="from"/> to the cursor. Before a declaration's first token, outside bodies, it
    /// leaves the skeleton (a third of a well-documented file's declarations, and all the parser would make of it is
    /// trivia), and a documentation comment there is kept as a <see cref="DocComment"/>: consecutive <c>///</c> lines
    /// that each start their line are one, a <c>/** */</c> block is one. Anything else ends a run of <c>///</c> lines.
    /// </summary>
    private void OnComment(int from, bool block)
    {
        var to = _i;
        var comment = _text[from..to];
        if (_started || _bodyStart >= 0 || _arrowStart >= 0)
        {
            _openRun = -1;
            return;
        }

        var doc = _afterBreak && (block ? DocComment.IsBlock(comment) : DocComment.IsLine(comment));

        if (doc && !block && _openRun >= 0)
        {
            _docs[_openRun] = _docs[_openRun] with { To = to };
        }
        else if (doc)
        {
            _docs.Add(new DocComment(from - _shift, from, to, block));
            _openRun = block ? -1 : _docs.Count - 1;
        }
        else
        {
            _openRun = -1;
        }

        Remove(from, to, expression: false);
    }

    /// <summary>Skips whitespace, comments and preprocessor lines at the cursor; false when there were none.</summary>
    private bool SkipTrivia()
    {
        var c = _text[_i];
        if (CharClasses.IsWhiteSpace(c))
        {
            // Indentation is a good share of the text: a run of ASCII white space goes in one vectorised step.
            var run = _text[(_i + 1)..].IndexOfAnyExcept(" \t\r\n");
            var end = run < 0 ? _text.Length : _i + 1 + run;
            _afterBreak |= _text[_i..end].IndexOfAny(LineBreaks) >= 0;
            _i = end;
            return true;
        }

        if (c == '/' && _i + 1 < _text.Length && _text[_i + 1] == '/')
        {
            // To the line's end as Roslyn reads it (any of its line breaks), so what is dropped is the comment only.
            var start = _i;
            var end = _text[(_i + 2)..].IndexOfAny(LineBreaks);
            _i = end < 0 ? _text.Length : _i + 2 + end;
            OnComment(start, block: false);
            return true;
        }

        if (c == '/' && _i + 1 < _text.Length && _text[_i + 1] == '*')
        {
            var start = _i;
            SkipPast("*/", _i + 2);
            OnComment(start, block: true);
            return true;
        }

        if (c == '#' && AtLineStart())
        {
            _openRun = -1;
            if (_arrowStart >= 0 && !IsPragma(_i + 1))
            {
                // A conditional or region directive inside an expression body would lose its pair; #pragma and
                // #nullable can go with the body.
                _arrowStart = -1;
                _unexpected = true;
            }

            SkipPast("\n", _i + 1);
            _afterBreak = true;
            return true;
        }

        return false;
    }

    private bool IsPragma(int afterHash)
    {
        var rest = _text[afterHash..].TrimStart(" \t");
        return rest.StartsWith("pragma", StringComparison.Ordinal) || rest.StartsWith("nullable", StringComparison.Ordinal);
    }

    private bool AtLineStart()
    {
        for (var k = _i - 1; k >= 0; k--)
        {
            if (_text[k] == '\n')
            {
                return true;
            }

            if (_text[k] is not ' ' and not '\t')
            {
                return false;
            }
        }

        return true;
    }

    private void SkipPast(string end, int from)
    {
        var index = _text[from..].IndexOf(end, StringComparison.Ordinal);
        _i = index < 0 ? _text.Length : from + index + end.Length;
    }

    private ReadOnlySpan<char> ReadWord()
    {
        var verbatim = _text[_i] == '@';
        if (verbatim)
        {
            _i++;
        }

        var start = _i;
        while (_i < _text.Length && CharClasses.IsWordPart(_text[_i]))
        {
            _i++;
        }

        var word = _text.Slice(start, _i - start);
        if (word.Length > 1)
        {
            Note(word, verbatim);
        }

        return word;
    }

    /// <summary>Lists the word as used, once per file, unless it is a keyword written without <c>@</c>.</summary>
    private void Note(ReadOnlySpan<char> word, bool verbatim)
    {
        var hash = NameTable.Hash(word);
        var entry = _words.IndexOf(word, hash);
        if (entry < 0)
        {
            entry = _words.Add(Names.Intern(word, hash), hash);
            _words.Marks[entry] = IsKeyword(word) ? 1 : 0;
        }

        ref var mark = ref _words.Marks[entry];
        if ((verbatim || (mark & 1) == 0) && mark >> 1 != _scan)
        {
            mark = (_scan << 1) | (mark & 1);
            _identifiers.Add(_words[entry]);
        }
    }

    /// <summary>Reserved and contextual keywords (nameof, get, where...) and <c>var</c>: never references to a definition.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Keywords =
        SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText)
            .Append("var") // not a keyword to Roslyn, which binds it as a type name
            .Append("dynamic")
            .Where(k => k.Length > 0)
            .ToHashSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsKeyword(ReadOnlySpan<char> word) => Keywords.Contains(word);

    private static bool IsIdentifierStart(char c) => CharClasses.IsWordStart(c);

    private void SkipNumber()
    {
        while (_i < _text.Length && (CharClasses.IsAsciiWordPart(_text[_i]) || _text[_i] == '.'))
        {
            if (_text[_i] == '.' && (_i + 1 >= _text.Length || !CharClasses.IsAsciiDigit(_text[_i + 1])))
            {
                return;
            }

            _i++;
        }
    }

    private void SkipCharLiteral()
    {
        for (_i++; _i < _text.Length; _i++)
        {
            if (_text[_i] == '\\')
            {
                _i++;
            }
            else if (_text[_i] is '\'' or '\n')
            {
                _i++;
                return;
            }
        }
    }

    /// <summary>Whether a string literal starts at the cursor: quotes after any <c>$</c>s and at most one <c>@</c>.</summary>
    private bool StartsString()
    {
        var k = _i;
        while (k < _text.Length && _text[k] is '$' or '@')
        {
            k++;
        }

        return k < _text.Length && _text[k] == '"' && _text[_i..k].Count('@') <= 1;
    }

    private void SkipString()
    {
        var dollars = 0;
        var verbatim = false;
        while (_text[_i] is '$' or '@')
        {
            dollars += _text[_i] == '$' ? 1 : 0;
            verbatim |= _text[_i] == '@';
            _i++;
        }

        var quotes = 0;
        while (_i < _text.Length && _text[_i] == '"')
        {
            quotes++;
            _i++;
        }

        if (quotes == 2)
        {
            return; // ""
        }

        if (quotes >= 3)
        {
            SkipRawString(quotes, dollars);
            return;
        }

        while (_i < _text.Length)
        {
            var c = _text[_i];
            if (c == '\\' && !verbatim)
            {
                _i += 2;
            }
            else if (c == '"')
            {
                _i++;
                if (!(verbatim && _i < _text.Length && _text[_i] == '"'))
                {
                    return;
                }

                _i++;
            }
            else if (c == '\n' && !verbatim)
            {
                return; // unterminated; the line ends it, as the compiler would report
            }
            else if (dollars > 0 && c == '{')
            {
                if (_i + 1 < _text.Length && _text[_i + 1] == '{')
                {
                    _i += 2;
                }
                else
                {
                    _i++;
                    SkipHole(1);
                }
            }
            else
            {
                _i++;
            }
        }
    }

    private void SkipRawString(int quotes, int dollars)
    {
        while (_i < _text.Length)
        {
            if (_text[_i] == '"')
            {
                var run = Run('"');
                _i += run;
                if (run >= quotes)
                {
                    return;
                }
            }
            else if (dollars > 0 && _text[_i] == '{')
            {
                var run = Run('{');
                _i += run;
                if (run >= dollars)
                {
                    SkipHole(dollars);
                }
            }
            else
            {
                _i++;
            }
        }
    }

    private int Run(char c)
    {
        var k = _i;
        while (k < _text.Length && _text[k] == c)
        {
            k++;
        }

        return k - _i;
    }

    /// <summary>
    /// An interpolation hole: code up to the <paramref name="closing"/> braces that end it. Identifiers count as
    /// used; a format after a top-level <c>:</c> is text.
    /// </summary>
    private void SkipHole(int closing)
    {
        var depth = 0;
        while (_i < _text.Length)
        {
            if (Next(out _) != Token.Punctuation)
            {
                continue;
            }

            var c = _text[_i];
            if (c is '{' or '(' or '[')
            {
                depth++;
                _i++;
            }
            else if (c is ')' or ']' || (c == '}' && depth > 0))
            {
                depth = Math.Max(0, depth - 1);
                _i++;
            }
            else if (c == '}')
            {
                _i += Math.Min(closing, Run('}'));
                return;
            }
            else if (c == ':' && depth == 0 && !(_i + 1 < _text.Length && _text[_i + 1] == ':'))
            {
                var end = _text[_i..].IndexOf('}');
                _i = end < 0 ? _text.Length : _i + end;
            }
            else
            {
                _i++;
            }
        }
    }
}

/// <summary>
/// A documentation comment the C# skeleton dropped: a run of <c>///</c> lines or a <c>/** */</c> block, which was at
/// <paramref name="At"/> in the skeleton and is text[<paramref name="From"/>..<paramref name="To"/>) of the file.
/// </summary>
internal readonly record struct DocComment(int At, int From, int To, bool Block)
{
    /// <summary>Whether a single-line comment is documentation: <c>///</c>, but not <c>////</c>.</summary>
    public static bool IsLine(ReadOnlySpan<char> comment) =>
        comment.StartsWith("///", StringComparison.Ordinal) && (comment.Length == 3 || comment[3] != '/');

    /// <summary>Whether a block comment is documentation: <c>/**</c>, but not the empty <c>/**/</c>.</summary>
    public static bool IsBlock(ReadOnlySpan<char> comment) =>
        comment.StartsWith("/**", StringComparison.Ordinal) && !comment.StartsWith("/**/", StringComparison.Ordinal);
}
