using System.Globalization;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>
/// Pairs the brackets of a token list and reports the ones a tokenizer can prove wrong (a closer without its
/// opener, an opener never closed, a string left open) as CG3001 findings.
/// </summary>
internal sealed class Brackets
{
    /// <summary>The rule id of syntax problems a tokenizer can see.</summary>
    public const string SyntaxRule = "CG3001";

    private Brackets(int[] match, int[] enclosing, List<(int Token, string Message)> problems)
    {
        Match = match;
        Enclosing = enclosing;
        Problems = problems;
    }

    /// <summary>For each bracket token, the index of its partner; -1 for other tokens and unpaired brackets.</summary>
    public int[] Match { get; }

    /// <summary>For each token, the index of the innermost bracket open around it; -1 at the top level.</summary>
    public int[] Enclosing { get; }

    private List<(int Token, string Message)> Problems { get; }

    public static Brackets Pair(List<Token> tokens)
    {
        var match = new int[tokens.Count];
        var enclosing = new int[tokens.Count];
        Array.Fill(match, -1);
        var problems = new List<(int, string)>();
        var open = new Stack<int>();
        var openByKind = new int[3]; // ( [ { on the stack, so recovery never searches it
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            enclosing[i] = open.Count > 0 ? open.Peek() : -1;
            if (t.Kind != TokenKind.Symbol || t.Text.Length != 1)
            {
                continue;
            }

            var c = t.Text[0];
            if (c is '(' or '[' or '{')
            {
                open.Push(i);
                openByKind[Kind(c)]++;
            }
            else if (c is ')' or ']' or '}')
            {
                var opener = c == ')' ? "(" : c == ']' ? "[" : "{";
                if (openByKind[Kind(opener[0])] > 0)
                {
                    // Recover: the openers above the partner were never closed.
                    while (!tokens[open.Peek()].Is(opener))
                    {
                        var unclosed = open.Pop();
                        openByKind[Kind(tokens[unclosed].Text[0])]--;
                        problems.Add((unclosed, $"'{tokens[unclosed].Text}' is never closed"));
                    }

                    var o = open.Pop();
                    openByKind[Kind(opener[0])]--;
                    match[o] = i;
                    match[i] = o;
                }
                else
                {
                    problems.Add((i, $"'{t.Text}' has no matching '{opener}'"));
                }
            }
        }

        foreach (var unclosed in open)
        {
            problems.Add((unclosed, $"'{tokens[unclosed].Text}' is never closed"));
        }

        return new Brackets(match, enclosing, problems);
    }

    private static int Kind(char opener) => opener == '(' ? 0 : opener == '[' ? 1 : 2;

    /// <summary>The syntax findings: bracket problems and unterminated strings, in source order.</summary>
    public List<Finding> Findings(string path, List<Token> tokens, MaskedSource masked, IEnumerable<int> unterminatedStrings)
    {
        var found = Problems.Select(p => (Offset: tokens[p.Token].Offset, p.Message))
            .Concat(unterminatedStrings.Select(o => (Offset: o, Message: "string literal is not terminated")))
            .OrderBy(p => p.Offset)
            .Take(20)
            .Select(p =>
            {
                var (line, column) = masked.Position(p.Offset);
                return new Finding
                {
                    File = path,
                    Line = line,
                    Column = column,
                    RuleId = SyntaxRule,
                    Dimension = QualityDimension.Correctness,
                    Severity = FindingSeverity.Error,
                    Message = string.Create(CultureInfo.InvariantCulture, $"Syntax: {p.Message} (line {line}, column {column})"),
                    FixHint = "balance the brackets and close the string so the file parses",
                };
            });
        return [.. found];
    }
}
