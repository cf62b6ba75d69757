using System.Globalization;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>String quotes in Python, TypeScript and JavaScript: single or double, by share of string literals (triple-quoted and template strings aside).</summary>
internal sealed class QuoteStyleAnalyzer : IPatternAnalyzer
{
    /// <summary>Fewest string literals in a language's sample before its quote style is reported.</summary>
    public const int MinStrings = 10;

    private static readonly string[] Languages = ["python", "typescript", "javascript"];

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        foreach (var language in Languages)
        {
            var (single, @double) = sample.Of(language).Select(f => f.Memo(nameof(QuoteStyleAnalyzer), s => Count(s.Code))).Aggregate((0, 0), (a, b) => (a.Item1 + b.Single, a.Item2 + b.Double));
            var total = single + @double;
            if (total < MinStrings)
            {
                continue;
            }

            var (style, count) = @double >= single ? ("double", @double) : ("single", single);
            var evidence = string.Create(CultureInfo.InvariantCulture, $"{count} of {total} string literals ({sample.Note(language)})");
            yield return new CodePattern("formatting", $"{language} strings {style} quotes", evidence, NamingConventions.Share(count, total));
        }
    }

    /// <summary>Single- and double-quoted string literals in code without comments.</summary>
    public static (int Single, int Double) Count(string code)
    {
        int single = 0, @double = 0, i = 0;
        while (i < code.Length)
        {
            var quote = code[i];
            if (quote is not ('\'' or '"' or '`'))
            {
                i++;
                continue;
            }

            var triple = quote != '`' && string.CompareOrdinal(code, i, new string(quote, 3), 0, 3) == 0;
            var close = triple ? code.IndexOf(new string(quote, 3), i + 3, StringComparison.Ordinal) : Close(code, i + 1, quote);
            if (!triple && quote == '\'')
            {
                single++;
            }
            else if (!triple && quote == '"')
            {
                @double++;
            }

            i = close < 0 ? code.Length : close + (triple ? 3 : 1);
        }

        return (single, @double);
    }

    private static int Close(string code, int from, char quote)
    {
        for (var i = from; i < code.Length; i++)
        {
            if (code[i] == '\\')
            {
                i++;
            }
            else if (code[i] == quote)
            {
                return i;
            }
            else if (code[i] == '\n' && quote != '`')
            {
                return i;
            }
        }

        return -1;
    }
}
