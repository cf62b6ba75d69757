using System.Text;

namespace CodegenBot.Core.Quality.Output;

/// <summary>
/// Makes text from a repository (finding messages, function names, paths) safe to put in GitHub Markdown: it
/// cannot open HTML tags, start emphasis, links or tables, break out of a table cell, mention people or close a
/// code span.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Inline text: one line, Markdown punctuation backslash-escaped, HTML and <c>@</c> as entities.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '@': builder.Append("&#64;"); break; // No @mention notifications from repository text.
                case '\r': break;
                case '\n' or '\t': builder.Append(' '); break;
                // Brackets escaped means no link or image can open, so parentheses and '!' may stay as they are.
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A code span holding <paramref name="text"/>: fenced with more backticks than any run inside, on one line;
    /// in a table cell pipes are escaped too (GitHub splits cells before it reads code spans).
    /// </summary>
    public static string Code(string text, bool tableCell = false)
    {
        var line = text.Replace('\r', ' ').Replace('\n', ' ');
        line = tableCell ? line.Replace("|", "\\|", StringComparison.Ordinal) : line;
        var longest = 0;
        var run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return fence + pad + line + pad + fence;
    }
}
