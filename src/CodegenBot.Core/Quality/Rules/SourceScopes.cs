using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// Block structure a pattern rule needs beyond a regex: the bodies of loops (braces in C-like languages,
/// indentation in Python) and the bounds of the statement holding an offset. Computed on
/// <see cref="MaskedSource.Structure"/>, so braces and keywords inside strings and comments do not count.
/// </summary>
internal sealed partial class SourceScopes
{
    private readonly string _structure;
    private readonly LexicalFamily _family;
    private readonly bool _newlineEnds;
    private readonly List<(int Start, int End)> _loops;
    private readonly string _language;

    private SourceScopes(MaskedSource masked, string language)
    {
        _language = language;
        _structure = masked.Structure;
        _family = MaskedSource.FamilyOf(language);
        _newlineEnds = language is "python" or "go" or "javascript" or "typescript";
        _loops = _family == LexicalFamily.Python ? LoopBodies.Python(_structure) : LoopBodies.Braces(_structure, language == "go");
    }

    /// <summary>Loop bodies, as offset ranges (start inclusive, end exclusive).</summary>
    public IReadOnlyList<(int Start, int End)> Loops => _loops;

    // Every rule of a file asks for the same scopes: compute them once per masked file (the assessor masks each
    // file once and hands the same instance to every rule).
    private static readonly ConditionalWeakTable<MaskedSource, SourceScopes> Cache = [];

    /// <summary>The scopes of a masked file, computed once per instance.</summary>
    public static SourceScopes Of(MaskedSource masked, string language)
    {
        var scopes = Cache.GetValue(masked, m => new SourceScopes(m, language));
        return scopes._language == language ? scopes : new SourceScopes(masked, language);
    }

    /// <summary>Whether the offset lies in the body of a loop.</summary>
    public bool InLoop(int offset) => _loops.Exists(l => offset >= l.Start && offset < l.End);

    /// <summary>The innermost loop body holding the offset, or null.</summary>
    public (int Start, int End)? LoopAt(int offset)
    {
        (int Start, int End)? best = null;
        foreach (var loop in _loops)
        {
            if (offset >= loop.Start && offset < loop.End && (best is null || loop.Start >= best.Value.Start))
            {
                best = loop;
            }
        }

        return best;
    }

    /// <summary>
    /// The statement holding the offset: back to the previous <c>;</c>, <c>{</c> or <c>}</c> (or line break in
    /// languages where one ends a statement) outside brackets, and forward likewise.
    /// </summary>
    public (int Start, int End) Statement(int offset)
    {
        var s = _structure;
        var start = Math.Min(offset, s.Length);
        var depth = 0;
        var substitutions = 0; // template literal substitutions (${ ... }) the offset lies in
        while (start > 0)
        {
            var c = s[start - 1];
            if (c is ')' or ']' || (c == '}' && IsSubstitutionEnd(start - 1)))
            {
                depth++;
            }
            else if (c is '(' or '[' || (c == '{' && start > 1 && s[start - 2] == '$'))
            {
                substitutions += depth == 0 ? 1 : 0;
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c == ';' || (_family != LexicalFamily.Python && c is '{' or '}')))
            {
                break;
            }
            else if (depth == 0 && c == '\n' && _newlineEnds && !Continues(start - 1))
            {
                break;
            }

            start--;
        }

        var end = offset;
        depth = 0;
        while (end < s.Length)
        {
            var c = s[end];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' || (c == '}' && depth > 0 && IsSubstitutionEnd(end)))
            {
                depth--;
            }
            else if (c == '{' && end > 0 && s[end - 1] == '$')
            {
                depth++;
            }
            else if (c == '}' && substitutions > 0 && depth <= 0)
            {
                substitutions--;
            }
            else if (depth <= 0 && (c == ';' || (_family != LexicalFamily.Python && c is '{' or '}')))
            {
                break;
            }
            else if (depth <= 0 && c == '\n' && _newlineEnds && !Continues(end))
            {
                break;
            }

            end++;
        }

        return (start, end);
    }

    /// <summary>
    /// The header of the function enclosing the offset (<c>public string NewToken()</c>, <c>def new_token():</c>),
    /// as offsets, or null at the top level: control blocks (if, for...) are passed through, a class stops the search.
    /// </summary>
    public (int Start, int End)? FunctionHeader(int offset)
    {
        return _family == LexicalFamily.Python ? PythonHeader(offset) : BraceHeader(offset);
    }

    private (int Start, int End)? BraceHeader(int offset)
    {
        var s = _structure;
        var depth = 0;
        for (var k = Math.Min(offset, s.Length) - 1; k >= 0; k--)
        {
            if ((s[k] == '{' && k > 0 && s[k - 1] == '$') || (s[k] == '}' && IsSubstitutionEnd(k)))
            {
                continue; // a template literal substitution, not a block
            }

            if (s[k] == '}')
            {
                depth++;
            }
            else if (s[k] == '{' && --depth < 0)
            {
                depth = 0;
                var start = k;
                var parens = 0;
                while (start > 0)
                {
                    var c = s[start - 1];
                    parens += c == ')' ? 1 : c == '(' ? -1 : 0;
                    if (parens <= 0 && (c is ';' or '{' or '}' || (c == '\n' && s[start..k].Trim().Length > 0)))
                    {
                        break;
                    }

                    start--;
                }

                var header = s[start..k];
                if (ControlHeader().IsMatch(header))
                {
                    continue;
                }

                return header.Contains('(', StringComparison.Ordinal) ? (start, k) : null;
            }
        }

        return null;
    }

    private (int Start, int End)? PythonHeader(int offset)
    {
        var s = _structure;
        var lineStart = s.LastIndexOf('\n', Math.Max(0, Math.Min(offset, s.Length) - 1)) + 1;
        var indent = Indent(lineStart);
        var k = lineStart - 1;
        while (k > 0)
        {
            var start = s.LastIndexOf('\n', k - 1) + 1;
            var line = s[start..k];
            if (line.Trim().Length > 0 && Indent(start) < indent)
            {
                indent = Indent(start);
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("def ", StringComparison.Ordinal) || trimmed.StartsWith("async def ", StringComparison.Ordinal))
                {
                    return (start, k);
                }

                if (trimmed.StartsWith("class ", StringComparison.Ordinal) || indent == 0)
                {
                    return null;
                }
            }

            k = start - 1;
        }

        return null;
    }

    private int Indent(int lineStart)
    {
        var k = lineStart;
        while (k < _structure.Length && _structure[k] is ' ' or '\t')
        {
            k++;
        }

        return k - lineStart;
    }

    // Whether the closing brace ends a template literal substitution: a ${ opens before it with no brace between.
    private bool IsSubstitutionEnd(int close)
    {
        if (_family != LexicalFamily.JavaScript)
        {
            return false;
        }

        var open = _structure.LastIndexOfAny(['{', '}', '\n'], Math.Max(0, close - 1));
        return open > 0 && _structure[open] == '{' && _structure[open - 1] == '$';
    }

    // Whether the line break at the offset continues the statement: the line ends with an operator or the next
    // line starts with one (a method chain, a concatenation).
    private bool Continues(int newline)
    {
        var s = _structure;
        var before = newline - 1;
        while (before >= 0 && s[before] is ' ' or '\t' or '\r')
        {
            before--;
        }

        if (before >= 0 && s[before] is '+' or ',' or '(' or '=' or '&' or '|' or '\\' or '.' or '?' or ':' && !(_family == LexicalFamily.Python && s[before] == ':'))
        {
            return true;
        }

        var after = newline + 1;
        while (after < s.Length && s[after] is ' ' or '\t' or '\r')
        {
            after++;
        }

        return after < s.Length && s[after] is '.' or '+' or '?' or ')';
    }

    [GeneratedRegex(@"^\s*(?:\}\s*)?(?:if|else|for|foreach|while|switch|catch|using|lock|do|try|finally|fixed|unchecked|checked|synchronized|select)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ControlHeader();
}
