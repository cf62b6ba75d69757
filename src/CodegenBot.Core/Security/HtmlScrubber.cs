using System.Net;
using System.Text;

namespace CodegenBot.Core.Security;

/// <summary>
/// Removes HTML from the prose between code regions, the way GitHub hides it: comments (also unterminated) are
/// removed; tags are removed and their text kept; the text of hidden elements (<c>hidden</c>, a hiding
/// <c>style</c>, <c>script</c>/<c>style</c>/<c>template</c>) is wrapped in <c>[hidden text: ...]</c>; an
/// <c>&lt;img&gt;</c>'s alt and title become <c>[image alt: ...]</c>. A bare tag of an unknown name
/// (<c>List&lt;T&gt;</c>) is text, not HTML. No regular expressions: every scan moves forward, quoted attribute
/// values are skipped through precomputed next-quote tables, so the work is linear in the text's length.
/// </summary>
internal sealed class HtmlScrubber(string text, SanitizedCounter counter)
{
    /// <summary>Element names GitHub knows (and removes or renders): their tags are HTML, not prose.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br", "button", "caption", "center",
        "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed", "figcaption", "figure",
        "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "input", "ins", "kbd",
        "label", "li", "link", "main", "mark", "meta", "nav", "noscript", "object", "ol", "option", "p", "picture", "pre", "q",
        "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span", "strike", "strong", "style",
        "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr",
    };

    /// <summary>Elements without a closing tag.</summary>
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>Elements whose content a reader never sees.</summary>
    private static readonly HashSet<string> HiddenContent = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript", "title" };

    private readonly StringBuilder _output = new(text.Length);
    private readonly Stack<(string Name, bool Hidden)> _open = new();
    private readonly Dictionary<string, int> _openCounts = new(StringComparer.OrdinalIgnoreCase);
    private int[]? _nextDouble;
    private int[]? _nextSingle;

    /// <summary>Whether the text scrubbed so far ends inside an HTML comment (what follows, code too, belongs to it).</summary>
    public bool InComment { get; private set; }

    /// <summary>Appends text that is not scrubbed (code, rewritten Markdown).</summary>
    public void Append(string verbatim) => _output.Append(verbatim);

    /// <summary>Scrubs <c>text[start..end)</c> onto the output.</summary>
    public void Scrub(int start, int end)
    {
        var segmentStart = _output.Length;
        var i = InComment ? CommentEnd(start, end) : start;
        while (i < end)
        {
            var c = text[i];
            if (c == '<' && TryTag(i, end) is { } tag)
            {
                Handle(tag);
                i = tag.End;
                continue;
            }

            _output.Append(c);
            i++;

            // Checked on the output, so a comment that only forms once a tag between its parts is gone is still caught.
            if (c == '-' && _output.Length - segmentStart >= 4 && EndsWithCommentOpen())
            {
                _output.Length -= 4;
                counter.Add(SanitizedKind.HtmlComment);
                i = CommentEnd(i, end);
            }
        }
    }

    /// <summary>The output, with every hidden element still open closed.</summary>
    public string Finish()
    {
        while (_open.Count > 0)
        {
            if (_open.Pop().Hidden)
            {
                _output.Append(']');
            }
        }

        return _output.ToString();
    }

    private bool EndsWithCommentOpen()
    {
        var n = _output.Length;
        return _output[n - 4] == '<' && _output[n - 3] == '!' && _output[n - 2] == '-' && _output[n - 1] == '-';
    }

    /// <summary>Where the comment whose opener ends before <paramref name="i"/> ends (<c>&lt;!--&gt;</c>, <c>&lt;!---&gt;</c> too), or the segment's end.</summary>
    private int CommentEnd(int i, int end)
    {
        if (!InComment && i < end && text[i] == '>')
        {
            return i + 1;
        }

        if (!InComment && i + 1 < end && text[i] == '-' && text[i + 1] == '>')
        {
            return i + 2;
        }

        var close = text.IndexOf("-->", i, end - i, StringComparison.Ordinal);
        InComment = close < 0;
        return close < 0 ? end : close + 3;
    }

    private void Handle(Tag tag)
    {
        counter.Add(SanitizedKind.HtmlTag);
        if (tag.Closing)
        {
            Close(tag.Name);
            return;
        }

        var isImage = tag.Name.Equals("img", StringComparison.OrdinalIgnoreCase);
        foreach (var (name, value) in tag.Attributes)
        {
            var visible = OneLine(value);
            if (visible.Length == 0)
            {
                continue;
            }

            if (isImage && name.Equals("alt", StringComparison.OrdinalIgnoreCase))
            {
                counter.Add(SanitizedKind.ImageText);
                _output.Append("[image alt: ").Append(visible).Append(']');
            }
            else if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                counter.Add(isImage ? SanitizedKind.ImageText : SanitizedKind.LinkTitle);
                _output.Append(isImage ? "[image title: " : "(title: ").Append(visible).Append(isImage ? ']' : ')');
            }
        }

        if (tag.SelfClosing || Void.Contains(tag.Name))
        {
            return;
        }

        var hidden = HiddenContent.Contains(tag.Name) || tag.Attributes.Any(a => IsHiding(a.Name, a.Value));
        if (hidden)
        {
            counter.Add(SanitizedKind.HiddenText);
            _output.Append("[hidden text: ");
        }

        _open.Push((tag.Name, hidden));
        _openCounts[tag.Name] = _openCounts.GetValueOrDefault(tag.Name) + 1;
    }

    /// <summary>Closes the innermost open element of this name and those opened inside it; a stray closing tag is just removed.</summary>
    private void Close(string name)
    {
        if (_openCounts.GetValueOrDefault(name) == 0)
        {
            return;
        }

        while (_open.TryPop(out var element))
        {
            _openCounts[element.Name]--;
            if (element.Hidden)
            {
                _output.Append(']');
            }

            if (element.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
    }

    private static bool IsHiding(string name, string value)
    {
        if (name.Equals("hidden", StringComparison.OrdinalIgnoreCase) || name.Equals("aria-hidden", StringComparison.OrdinalIgnoreCase) && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var style = string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return style.Contains("display:none", StringComparison.Ordinal)
            || style.Contains("visibility:hidden", StringComparison.Ordinal)
            || style.Contains("color:transparent", StringComparison.Ordinal)
            || Zero(style, "font-size:0") || Zero(style, "opacity:0") || Zero(style, "max-height:0") || Zero(style, "height:0");
    }

    /// <summary>Whether <paramref name="style"/> sets the property to zero (<c>0</c>, <c>0px</c>, <c>0em</c>; not <c>0.5</c> or <c>01</c>).</summary>
    private static bool Zero(string style, string property)
    {
        for (var at = style.IndexOf(property, StringComparison.Ordinal); at >= 0; at = style.IndexOf(property, at + 1, StringComparison.Ordinal))
        {
            var after = at + property.Length;
            if (after == style.Length || !(char.IsAsciiDigit(style[after]) || style[after] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static string OneLine(string value) =>
        WebUtility.HtmlDecode(value).ReplaceLineEndings(" ").Replace('[', '(').Replace(']', ')').Trim();

    /// <summary>A tag starting at <paramref name="start"/> (a <c>&lt;</c>), or null when the text there is not one.</summary>
    private Tag? TryTag(int start, int end)
    {
        var i = start + 1;
        var closing = i < end && text[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        if (i >= end || !char.IsAsciiLetter(text[i]))
        {
            return null;
        }

        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
        {
            i++;
        }

        var name = text[nameStart..i];
        var attributes = new List<(string Name, string Value)>();
        while (true)
        {
            var spaced = SkipSpace(ref i, end);
            if (i >= end)
            {
                return null;
            }

            if (text[i] == '>')
            {
                return Finish(name, closing, selfClosing: false, attributes, i + 1);
            }

            if (!closing && text[i] == '/' && i + 1 < end && text[i + 1] == '>')
            {
                return Finish(name, closing, selfClosing: true, attributes, i + 2);
            }

            if (closing || !spaced || !(char.IsAsciiLetter(text[i]) || text[i] is '_' or ':'))
            {
                return null;
            }

            var attributeStart = i;
            while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or ':' or '.' or '-'))
            {
                i++;
            }

            var attribute = text[attributeStart..i];
            var afterName = i;
            SkipSpace(ref i, end);
            if (i >= end || text[i] != '=')
            {
                i = afterName;
                attributes.Add((attribute, ""));
                continue;
            }

            i++;
            SkipSpace(ref i, end);
            if (Value(ref i, end) is not { } value)
            {
                return null;
            }

            attributes.Add((attribute, value));
        }
    }

    /// <summary>A bare tag of an unknown name (<c>&lt;T&gt;</c>, <c>&lt;/T&gt;</c>) is prose; with attributes, GitHub would hide it, so it is a tag.</summary>
    private static Tag? Finish(string name, bool closing, bool selfClosing, List<(string Name, string Value)> attributes, int end) =>
        Known.Contains(name) || attributes.Count > 0 ? new Tag(name, closing, selfClosing, attributes, end) : null;

    private bool SkipSpace(ref int i, int end)
    {
        var start = i;
        while (i < end && text[i] is ' ' or '\t' or '\n')
        {
            i++;
        }

        return i > start;
    }

    /// <summary>A quoted or unquoted attribute value; quoted values jump to the closing quote through a precomputed table.</summary>
    private string? Value(ref int i, int end)
    {
        if (i >= end)
        {
            return null;
        }

        if (text[i] is '"' or '\'')
        {
            var table = text[i] == '"' ? _nextDouble ??= NextIndexTable('"') : _nextSingle ??= NextIndexTable('\'');
            var close = table[i + 1];
            if (close < 0 || close >= end)
            {
                return null;
            }

            var value = text[(i + 1)..close];
            i = close + 1;
            return value;
        }

        var start = i;
        while (i < end && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '\'' or '=' or '<' or '>' or '`'))
        {
            i++;
        }

        return i > start ? text[start..i] : null;
    }

    /// <summary>For every position, the index of the next <paramref name="quote"/> at or after it (-1: none); one entry past the end.</summary>
    private int[] NextIndexTable(char quote)
    {
        var table = new int[text.Length + 1];
        var next = -1;
        table[text.Length] = -1;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == quote)
            {
                next = i;
            }

            table[i] = next;
        }

        return table;
    }

    private sealed record Tag(string Name, bool Closing, bool SelfClosing, List<(string Name, string Value)> Attributes, int End);
}
