using System.Text.RegularExpressions;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// Finds the bodies of loops in a file's structure (comments and string contents blanked): for, foreach, while and
/// do in C-like languages (Go's for without parentheses included), for and while by indentation in Python.
/// Comprehensions and callbacks such as forEach are not loops here.
/// </summary>
internal static partial class LoopBodies
{
    /// <summary>Loop bodies of a C-like file: braces matched, or the single statement of a brace-less body.</summary>
    public static List<(int Start, int End)> Braces(string s, bool go)
    {
        var loops = new List<(int Start, int End)>();
        foreach (Match m in LoopKeyword().Matches(s))
        {
            var k = m.Index + m.Length;
            if (m.Value is "do")
            {
                var open = SkipSpace(s, k);
                if (open < s.Length && s[open] == '{')
                {
                    loops.Add((open, Close(s, open, '{', '}')));
                }

                continue;
            }

            k = SkipSpace(s, k);
            if (k < s.Length && s[k] == '(' && !go)
            {
                k = SkipSpace(s, Close(s, k, '(', ')'));
            }
            else if (go)
            {
                // Go: for init; cond; post { ... } — the body opens at the first brace outside brackets, on the line.
                var depth = 0;
                while (k < s.Length && s[k] != '\n' && !(depth == 0 && s[k] == '{'))
                {
                    depth += s[k] is '(' or '[' ? 1 : s[k] is ')' or ']' ? -1 : 0;
                    k++;
                }
            }
            else
            {
                continue; // "for" as a word, not a loop (for await is handled by the regex).
            }

            if (k < s.Length && s[k] == '{')
            {
                loops.Add((k, Close(s, k, '{', '}')));
            }
            else if (k < s.Length && !go)
            {
                var end = s.IndexOf(';', k);
                loops.Add((k, end < 0 ? s.Length : end + 1));
            }
        }

        return loops;
    }

    /// <summary>Loop bodies of a Python file: the lines indented deeper than the for/while header.</summary>
    public static List<(int Start, int End)> Python(string s)
    {
        var loops = new List<(int Start, int End)>();
        foreach (Match m in PythonLoopKeyword().Matches(s))
        {
            var indent = m.Groups["indent"].Value.Length;

            // The header ends at the colon outside brackets.
            var k = m.Index + m.Length;
            var depth = 0;
            while (k < s.Length && !(depth == 0 && s[k] == ':'))
            {
                depth += s[k] is '(' or '[' or '{' ? 1 : s[k] is ')' or ']' or '}' ? -1 : 0;
                k++;
            }

            var bodyStart = Math.Min(k + 1, s.Length);
            var lineEnd = s.IndexOf('\n', bodyStart);
            if (lineEnd < 0)
            {
                loops.Add((bodyStart, s.Length));
                continue;
            }

            if (s[bodyStart..lineEnd].Trim().Length > 0)
            {
                loops.Add((bodyStart, lineEnd)); // for x in y: body on one line
                continue;
            }

            var end = lineEnd + 1;
            var pos = lineEnd + 1;
            while (pos < s.Length)
            {
                var next = s.IndexOf('\n', pos);
                var line = next < 0 ? s[pos..] : s[pos..next];
                var trimmed = line.TrimStart(' ', '\t');
                if (trimmed.Trim().Length > 0)
                {
                    if (line.Length - trimmed.Length <= indent)
                    {
                        break;
                    }

                    end = next < 0 ? s.Length : next;
                }

                if (next < 0)
                {
                    break;
                }

                pos = next + 1;
            }

            loops.Add((lineEnd + 1, end));
        }

        return loops;
    }

    private static int SkipSpace(string s, int k)
    {
        while (k < s.Length && char.IsWhiteSpace(s[k]))
        {
            k++;
        }

        return k;
    }

    private static int Close(string s, int open, char opening, char closing)
    {
        var depth = 0;
        for (var k = open; k < s.Length; k++)
        {
            if (s[k] == opening)
            {
                depth++;
            }
            else if (s[k] == closing && --depth == 0)
            {
                return k + 1;
            }
        }

        return s.Length;
    }

    [GeneratedRegex(@"(?<![\w.$])(?:foreach|for(?:\s+await)?|while|do)(?![\w$])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LoopKeyword();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:async[ \t]+)?(?:for|while)\b", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PythonLoopKeyword();
}
