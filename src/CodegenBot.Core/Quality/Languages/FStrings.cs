using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>Python f-strings: radon visits the expressions in their replacement fields, which the masking blanks.</summary>
internal static class FStrings
{
    // The decisions inside the replacement fields of an f-string: and, or, if and for (comprehension or conditional).
    public static int Decisions(List<Token> tokens, int index, MaskedSource masked)
    {
        var token = tokens[index];
        var text = masked.Original;
        var prefix = index > 0 && tokens[index - 1].Kind == TokenKind.Word && tokens[index - 1].Offset + tokens[index - 1].Text.Length == token.Offset ? tokens[index - 1].Text : string.Empty;
        if (!prefix.Contains('f', StringComparison.OrdinalIgnoreCase) || token.Text.Length != 1)
        {
            return 0;
        }

        var quotes = token.Offset + 2 < text.Length && text[token.Offset + 1] == token.Text[0] && text[token.Offset + 2] == token.Text[0] ? 3 : 1;
        var start = token.Offset + quotes;
        var end = start;
        while (end < text.Length && masked.InString(end))
        {
            end++;
        }

        int decisions = 0, depth = 0;
        for (var k = start; k < end; k++)
        {
            var c = text[k];
            if (c == '{' && depth == 0 && k + 1 < end && text[k + 1] == '{')
            {
                k++; // an escaped brace
            }
            else if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth > 0 && c is '\'' or '"')
            {
                var close = text.IndexOf(c, k + 1, end - k - 1);
                k = close < 0 ? end : close; // a string inside a field
            }
            else if (depth > 0 && char.IsLetter(c) && (k == 0 || !char.IsLetterOrDigit(text[k - 1]) && text[k - 1] != '_' && text[k - 1] != '.'))
            {
                var word = k;
                while (word < end && (char.IsLetterOrDigit(text[word]) || text[word] == '_'))
                {
                    word++;
                }

                decisions += text[k..word] is "and" or "or" or "if" or "for" ? 1 : 0;
                k = word - 1;
            }
        }

        return decisions;
    }
}
