using System.Text;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Blanks out comments (keeping strings and line breaks) so that regex scans see code only.</summary>
internal static class CodeText
{
    /// <summary>Languages whose comments start with <c>#</c>; the rest use <c>//</c> and <c>/* */</c>.</summary>
    private static readonly HashSet<string> HashComments = new(StringComparer.Ordinal) { "python", "ruby", "shell", "powershell", "elixir" };

    public static string WithoutComments(string text, string languageId)
    {
        var hash = HashComments.Contains(languageId);
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((hash && c == '#') || (!hash && c == '/' && Next(text, i) == '/'))
            {
                i = Blank(text, i, text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length, result);
            }
            else if (!hash && c == '/' && Next(text, i) == '*')
            {
                i = Blank(text, i, text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : text.Length, result);
            }
            else if (c is '"' or '\'' or '`')
            {
                var close = StringEnd(text, i);
                result.Append(text, i, close - i);
                i = close;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>Where the string starting at <paramref name="start"/> ends (after its quote): triple quotes and backticks span lines, others stop at the line end.</summary>
    private static int StringEnd(string text, int start)
    {
        var quote = text[start];
        var triple = IsTriple(text, start, quote) && quote != '`';
        var verbatim = quote == '"' && start > 0 && text[start - 1] == '@';
        var multiline = triple || verbatim || quote == '`';
        var i = start + (triple ? 3 : 1);
        while (i < text.Length)
        {
            if (text[i] == '\n' && !multiline)
            {
                return i;
            }

            if (text[i] == '\\' && !verbatim)
            {
                i += 2;
                continue;
            }

            if (triple ? IsTriple(text, i, quote) : text[i] == quote)
            {
                if (verbatim && Next(text, i) == '"')
                {
                    i += 2;
                    continue;
                }

                return Math.Min(text.Length, i + (triple ? 3 : 1));
            }

            i++;
        }

        return text.Length;
    }

    /// <summary>Whether three <paramref name="quote"/> characters start at <paramref name="at"/>.</summary>
    private static bool IsTriple(string text, int at, char quote) =>
        at + 2 < text.Length && text[at] == quote && text[at + 1] == quote && text[at + 2] == quote;

    private static int Blank(string text, int start, int end, StringBuilder result)
    {
        for (var i = start; i < end; i++)
        {
            result.Append(text[i] == '\n' ? '\n' : ' ');
        }

        return end;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';
}
