using System.Text.RegularExpressions;
using CodegenBot.Core.Quality;

namespace CodegenBot.Core.Feedback;

/// <summary>
/// Actionable advice for kinds of problem: each rule recognises a family (missing references, syntax, null
/// handling, the wrong test framework, failing tests, hangs, each security weakness by CWE, complexity, missing
/// documentation or tests, edits that did not apply) and says what to do about it in one sentence.
/// </summary>
internal static partial class FeedbackSuggestions
{
    private sealed record Rule(string Name, Func<FeedbackItem, bool> Applies, string Advice);

    private static bool Rules(FeedbackItem i, params string[] ids) => i.RuleId is { } id && ids.Contains(id, StringComparer.OrdinalIgnoreCase);

    private static bool Says(FeedbackItem i, Regex pattern) => pattern.IsMatch(i.Message);

    /// <summary>The rules, most specific first; an item takes the advice of the first rule that applies.</summary>
    private static readonly Rule[] All =
    [
        new("wrong-test-framework", i => i.Category is FeedbackCategory.Error or FeedbackCategory.Validation && Says(i, TestFramework()),
            "Write tests with the framework the repository's test projects already reference (see the codebase profile), not another one."),
        new("missing-reference", i => Rules(i, "CS0246", "CS0103", "CS0234", "CS0117", "CS1061") || Says(i, MissingName()),
            "Add the missing using/import directive or package reference, or use the name the code base defines (the repository map shows namespaces and members)."),
        new("syntax", i => Rules(i, "CS1002", "CS1003", "CS1022", "CS1026", "CS1513", "CS1514", "CS1519") || Says(i, SyntaxError()),
            "Make every edited file compile: balance braces and parentheses, end statements, and re-read each edited block in full."),
        new("nullability", i => i.RuleId?.StartsWith("CS86", StringComparison.OrdinalIgnoreCase) == true || Says(i, NullReference()),
            "Handle null explicitly (a check, ??, or an annotation) instead of suppressing the warning or assuming a value."),
        new("failing-tests", i => i.Category == FeedbackCategory.Validation && i.Message.StartsWith("test ", StringComparison.Ordinal),
            "Make the failing tests pass by fixing the code; change a test only when the task asks for different behaviour."),
        new("hang", i => i.Category == FeedbackCategory.Performance && i.Message.Contains("time limit", StringComparison.Ordinal),
            "Look for an endless loop, a blocking wait or unbounded work in the changed code."),
        new("sql-injection", i => i.Cwe == 89, "Use parameterised queries; never build SQL text from input."),
        new("command-injection", i => i.Cwe is 77 or 78, "Do not pass input to a shell; start the program with an argument list."),
        new("path-traversal", i => i.Cwe is 22 or 23, "Resolve paths and check they stay inside the allowed folder before opening them."),
        new("deserialization", i => i.Cwe == 502, "Do not deserialize untrusted data with type information (BinaryFormatter, TypeNameHandling, pickle)."),
        new("weak-crypto", i => i.Cwe is 327 or 328 or 916 or 338, "Use current algorithms (SHA-256 or better, AES-GCM, a cryptographic random generator)."),
        new("tls", i => i.Cwe == 295, "Keep TLS certificate validation on."),
        new("secret", i => i.Cwe == 798, "Read secrets from configuration or the environment, never from source code."),
        new("complexity", i => Says(i, Complexity()), "Split long or deeply nested functions into smaller ones with early returns."),
        new("documentation", i => i.Dimension == QualityDimension.Documentation, "Document new public members (XML doc comments or docstrings) the way the code base does."),
        new("tests-missing", i => i.Dimension == QualityDimension.Testing, "Add or update tests that exercise the changed code, in the existing test project."),
        new("edit-mismatch", i => i.Category == FeedbackCategory.Validation && i.File is null && Says(i, EditProtocol()),
            "Copy SEARCH text exactly from the file as shown (whitespace included) and give the complete set of edits again."),
        new("security", i => i.Category == FeedbackCategory.Security, "Fix the security findings at their source rather than working around the check."),
        new("performance", i => i.Category == FeedbackCategory.Performance, "Avoid the flagged performance patterns: no repeated enumeration, no string concatenation in loops, no blocking calls."),
        new("errors", i => i.Category == FeedbackCategory.Error, "Fix every compiler error and exception before anything else: the change must build and run."),
        new("quality", i => i.Category == FeedbackCategory.Quality, "Address each listed finding in the file and line it names."),
    ];

    /// <summary>The advice for the items, one per rule, ordered by the impact of the items it applies to.</summary>
    public static IEnumerable<string> For(IEnumerable<FeedbackItem> rankedItems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in rankedItems)
        {
            if (All.FirstOrDefault(r => r.Applies(item)) is { } rule && seen.Add(rule.Name))
            {
                yield return rule.Advice;
            }
        }
    }

    [GeneratedRegex(@"\b(NUnit|MSTest|xunit|pytest|unittest|jest|mocha|vitest|junit|testng)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TestFramework();

    [GeneratedRegex(@"could not be found|does not exist in the current context|is not defined|cannot find (symbol|module|name)|no module named|undefined: |has no attribute", RegexOptions.IgnoreCase)]
    private static partial Regex MissingName();

    [GeneratedRegex(@"SyntaxError|syntax error|unexpected token|expected$|; expected|\} expected", RegexOptions.IgnoreCase)]
    private static partial Regex SyntaxError();

    [GeneratedRegex(@"NullReferenceException|possible null|may be null|nil pointer|NoneType", RegexOptions.IgnoreCase)]
    private static partial Regex NullReference();

    [GeneratedRegex(@"complexity|nesting|too long|too many (lines|parameters)", RegexOptions.IgnoreCase)]
    private static partial Regex Complexity();

    [GeneratedRegex(@"SEARCH|REPLACE|no edit|edits? (was|were) refused|changed nothing", RegexOptions.None)]
    private static partial Regex EditProtocol();
}
