using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>One logical line of Python: its tokens (a range of the token list) and its indentation.</summary>
internal readonly record struct LogicalLine(int First, int Last, int Indent);

/// <summary>
/// Splits Python tokens into logical lines (brackets, backslashes and multi-line strings join physical lines) and
/// measures their indentation (a tab advances to the next multiple of eight, as the tokenizer does).
/// </summary>
internal static class PythonLines
{
    public static List<LogicalLine> Split(List<Token> tokens, MaskedSource masked)
    {
        var lines = new List<LogicalLine>();
        var depth = 0;
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > first && depth <= 0 && t.Line > tokens[i - 1].Line && !tokens[i - 1].Is("\\"))
            {
                lines.Add(new LogicalLine(first, i - 1, Indent(masked.Original, tokens[first].Offset)));
                first = i;
                depth = 0;
            }

            if (t.Kind == TokenKind.Symbol && t.Text.Length == 1)
            {
                depth += t.Text[0] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            }
        }

        if (first < tokens.Count)
        {
            lines.Add(new LogicalLine(first, tokens.Count - 1, Indent(masked.Original, tokens[first].Offset)));
        }

        return lines;
    }

    private static int Indent(string text, int offset)
    {
        var start = offset;
        while (start > 0 && text[start - 1] != '\n')
        {
            start--;
        }

        var width = 0;
        for (var k = start; k < offset; k++)
        {
            width = text[k] == '\t' ? (width / 8 + 1) * 8 : width + 1;
        }

        return width;
    }
}
