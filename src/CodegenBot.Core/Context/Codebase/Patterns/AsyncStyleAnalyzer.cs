using System.Globalization;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// Async style. C#: share of Task-returning methods declared <c>async</c>, the <c>Async</c> suffix on them (tests
/// apart), and awaits against blocking waits (<c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>).
/// TypeScript and JavaScript: <c>await</c> against <c>.then(</c>.
/// </summary>
internal sealed partial class AsyncStyleAnalyzer : IPatternAnalyzer
{
    /// <summary>Fewest cases (methods, awaits plus waits) before an async pattern is reported.</summary>
    public const int MinCases = 3;

    private static readonly string[] ScriptLanguages = ["typescript", "javascript"];

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var csharp = sample.Of("csharp");
        var note = sample.Note("csharp");
        var taskMethods = csharp.SelectMany(f => f.CSharpMethods.Select(m => (Method: m, f.IsTest))).Where(m => CSharpSyntax.IsTaskType(m.Method.ReturnType)).ToList();
        var asyncCount = taskMethods.Count(m => m.Method.Modifiers.Contains("async", StringComparison.Ordinal));
        if (taskMethods.Count >= MinCases)
        {
            yield return new CodePattern("async", "csharp Task-returning methods async", NamingConventions.Evidence(asyncCount, taskMethods.Count, "Task-returning methods", note), NamingConventions.Share(asyncCount, taskMethods.Count));
        }

        var named = taskMethods.Where(m => !m.IsTest && m.Method.Name != "Main").Select(m => m.Method.Name).ToList();
        if (named.Count >= MinCases)
        {
            var suffixed = named.Count(n => n.EndsWith("Async", StringComparison.Ordinal));
            yield return new CodePattern("naming", "csharp Task-returning methods end in Async", NamingConventions.Evidence(suffixed, named.Count, "non-test Task-returning methods", note), NamingConventions.Share(suffixed, named.Count));
        }

        var awaits = csharp.Sum(f => f.Count(Await()));
        var blocking = csharp.Sum(f => f.Count(BlockingWait()));
        if (awaits + blocking >= MinCases)
        {
            var evidence = string.Create(CultureInfo.InvariantCulture, $"{awaits} awaits, {blocking} blocking waits (.Result/.Wait()/.GetResult()) ({note})");
            yield return new CodePattern("async", "csharp await rather than blocking waits", evidence, NamingConventions.Share(awaits, awaits + blocking));
        }

        foreach (var language in ScriptLanguages)
        {
            var files = sample.Of(language);
            var scriptAwaits = files.Sum(f => f.Count(Await()));
            var thens = files.Sum(f => f.Count(Then()));
            if (scriptAwaits + thens >= MinCases)
            {
                var evidence = string.Create(CultureInfo.InvariantCulture, $"{scriptAwaits} awaits, {thens} .then( calls ({sample.Note(language)})");
                yield return new CodePattern("async", $"{language} async/await rather than .then()", evidence, NamingConventions.Share(scriptAwaits, scriptAwaits + thens));
            }
        }
    }

    [GeneratedRegex(@"\bawait\s")]
    private static partial Regex Await();

    [GeneratedRegex(@"\.Result\b(?!\s*\()|\.Wait\(\s*\)|\.GetAwaiter\(\)\s*\.GetResult\(\)")]
    private static partial Regex BlockingWait();

    [GeneratedRegex(@"\.then\(")]
    private static partial Regex Then();
}
