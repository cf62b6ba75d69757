using System.Text.RegularExpressions;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Requests;
using Microsoft.CodeAnalysis.CSharp;

namespace CodegenBot.Core.Pipeline;

/// <summary>
/// The success criteria each mode sets beyond quality, checked on the staged change before it is assessed:
/// a bug fix adds or changes a test, or names the test that reproduces the bug; testing changes test files;
/// documentation changes no behaviour (C# compared as syntax trees without comments and whitespace, other languages
/// as their non-comment lines); an optimization states what got faster and why. Refactoring's criterion (tests
/// still pass) and testing's (the new tests pass) need the repository's own test run (validation).
/// </summary>
internal static partial class ModeCriteria
{
    /// <summary>An optimization's explanation must be at least this long to say what got faster and why.</summary>
    public const int MinOptimizationExplanation = 40;

    private static readonly HashSet<string> DocumentExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".rst", ".txt", ".adoc", ".asciidoc" };

    public static IReadOnlyList<string> Check(GenerationMode mode, IReadOnlyList<string> changedPaths, string explanation, Func<string, string?> original, Func<string, string?> current)
    {
        var problems = new List<string>();
        var tests = changedPaths.Where(FileRanker.IsTest).ToList();
        switch (mode)
        {
            case GenerationMode.Bugfix when tests.Count == 0 && !TestName().IsMatch(explanation):
                problems.Add("A bug fix must add or change a test that reproduces the bug, or name the existing test that covers it in the explanation.");
                break;
            case GenerationMode.Test when tests.Count == 0:
                problems.Add("Testing mode must add or extend tests, but no test file was changed; put the tests in the project's test folders.");
                break;
            case GenerationMode.Docs:
                problems.AddRange(changedPaths.Where(p => ChangesBehaviour(p, original(p), current(p)))
                    .Select(p => $"Documentation mode must not change behaviour, but {p} changes code, not only comments or documentation; revert the code change."));
                break;
            case GenerationMode.Optimize when explanation.Trim().Length < MinOptimizationExplanation:
                problems.Add("An optimization must state what got faster and why (the explanation before the edits, or the finish summary); add it.");
                break;
        }

        return problems;
    }

    /// <summary>The model's explanation: its answer without fenced blocks.</summary>
    public static string Explanation(string answer) => BlankRuns().Replace(Fence().Replace(answer.Replace("\r\n", "\n", StringComparison.Ordinal), ""), "\n\n").Trim();

    private static bool ChangesBehaviour(string path, string? before, string? after)
    {
        if (DocumentExtensions.Contains(Path.GetExtension(path)))
        {
            return false;
        }

        if (before is null || after is null)
        {
            return true;
        }

        if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            // Trivia (comments, XML docs, whitespace) is not part of equivalence.
            return !CSharpSyntaxTree.ParseText(before).GetRoot().IsEquivalentTo(CSharpSyntaxTree.ParseText(after).GetRoot(), topLevel: false);
        }

        return !CodeLines(before).SequenceEqual(CodeLines(after), StringComparer.Ordinal);
    }

    /// <summary>Lines that are not blank, not comments and not inside triple-quoted docstrings, trimmed.</summary>
    private static IEnumerable<string> CodeLines(string text)
    {
        var inDocstring = false;
        var inBlockComment = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var quotes = Regex.Count(line, "\"\"\"|'''");
            if (inDocstring || (quotes > 0 && line.StartsWith("\"\"\"", StringComparison.Ordinal)) || (quotes > 0 && line.StartsWith("'''", StringComparison.Ordinal)))
            {
                inDocstring ^= quotes % 2 == 1;
                continue;
            }

            if (inBlockComment || line.StartsWith("/*", StringComparison.Ordinal))
            {
                inBlockComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#') || line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith('*'))
            {
                continue;
            }

            yield return line;
        }
    }

    [GeneratedRegex(@"\b(?:\w+Tests?\b|\w*[Tt]est_\w+|test\w*\(|Test\w+)")]
    private static partial Regex TestName();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();

    [GeneratedRegex(@"```[\s\S]*?```")]
    private static partial Regex Fence();
}
