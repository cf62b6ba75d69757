using System.Globalization;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// Error handling. C#: catch-all clauses (<c>catch (Exception)</c> or bare <c>catch</c>) among all catches, and the
/// repository's own exception types among <c>throw new</c>. Python: bare <c>except:</c> among except clauses, and own
/// exception classes among raises. Go: files that check <c>if err != nil</c> (also <c>if err := f(); err != nil</c>), and checks per function.
/// </summary>
internal sealed partial class ErrorHandlingAnalyzer : IPatternAnalyzer
{
    /// <summary>Exception type names listed in evidence at most.</summary>
    public const int MaxNamedTypes = 5;

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var csharp = sample.Of("csharp");
        var catches = csharp.SelectMany(f => f.Matches(CSharpCatch())).Select(m => m.Groups["type"].Value).ToList();
        if (catches.Count > 0)
        {
            var catchAll = catches.Count(t => t is "" or "Exception" or "System.Exception");
            yield return new CodePattern("errors", "csharp catch-all clauses (catch (Exception) or bare catch)", NamingConventions.Evidence(catchAll, catches.Count, "catch clauses", sample.Note("csharp")), NamingConventions.Share(catchAll, catches.Count));
        }

        if (OwnExceptions("csharp", csharp.SelectMany(f => f.Matches(CSharpException())), csharp.SelectMany(f => f.Matches(CSharpThrow())), "throw new", sample) is { } own)
        {
            yield return own;
        }

        var python = sample.Of("python");
        var excepts = python.SelectMany(f => f.Matches(PythonExcept())).Select(m => m.Groups["type"].Value.Trim()).ToList();
        if (excepts.Count > 0)
        {
            var bare = excepts.Count(t => t.Length == 0);
            yield return new CodePattern("errors", "python bare except:", NamingConventions.Evidence(bare, excepts.Count, "except clauses", sample.Note("python")), NamingConventions.Share(bare, excepts.Count));
        }

        if (OwnExceptions("python", python.SelectMany(f => f.Matches(PythonException())), python.SelectMany(f => f.Matches(PythonRaise())), "raise", sample) is { } ownPython)
        {
            yield return ownPython;
        }

        var go = sample.Of("go").Select(f => (Checks: f.Count(ErrNil()), Functions: f.Count(GoFunction()))).Where(f => f.Functions > 0).ToList();
        if (go.Count > 0)
        {
            var checks = go.Sum(f => f.Checks);
            var withChecks = go.Count(f => f.Checks > 0);
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{checks} checks, {(double)checks / go.Sum(f => f.Functions):0.0} per function; in {withChecks} of {go.Count} files with functions ({sample.Note("go")})");
            yield return new CodePattern("errors", "go if err != nil checks", evidence, NamingConventions.Share(withChecks, go.Count));
        }
    }

    /// <summary>The exception types the code declares, and the share of throws/raises that use them.</summary>
    private static CodePattern? OwnExceptions(string language, IEnumerable<Match> declarations, IEnumerable<Match> throws, string verb, SourceSample sample)
    {
        var own = declarations.Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (own.Count == 0)
        {
            return null;
        }

        var thrown = throws.Select(m => m.Groups["type"].Value.Split('.')[^1]).ToList();
        var usingOwn = thrown.Count(t => own.Contains(t, StringComparer.Ordinal));
        var names = string.Join(", ", own.Take(MaxNamedTypes)) + (own.Count > MaxNamedTypes ? ", ..." : "");
        var evidence = string.Create(CultureInfo.InvariantCulture, $"{own.Count} types ({names}); {usingOwn} of {thrown.Count} {verb} use them ({sample.Note(language)})");
        return new CodePattern("errors", $"{language} custom exception types", evidence, NamingConventions.Share(usingOwn, thrown.Count));
    }

    [GeneratedRegex(@"\bcatch\b\s*(?:\(\s*(?<type>[\w.]+)[^)]*\))?")]
    private static partial Regex CSharpCatch();

    [GeneratedRegex(@"\bclass\s+(?<name>\w+Exception)\b[^{;:]*:\s*[\w.]*Exception\b")]
    private static partial Regex CSharpException();

    [GeneratedRegex(@"\bthrow\s+new\s+(?<type>[\w.]+)")]
    private static partial Regex CSharpThrow();

    [GeneratedRegex(@"^[ \t]*except\b(?<type>[^:\n]*):", RegexOptions.Multiline)]
    private static partial Regex PythonExcept();

    [GeneratedRegex(@"^[ \t]*class\s+(?<name>\w+)\s*\(\s*[\w.]*(?:Error|Exception)\s*\)", RegexOptions.Multiline)]
    private static partial Regex PythonException();

    [GeneratedRegex(@"\braise\s+(?<type>[\w.]+)")]
    private static partial Regex PythonRaise();

    [GeneratedRegex(@"\bif\b[^{\n]*\berr\s*!=\s*nil\b")]
    private static partial Regex ErrNil();

    [GeneratedRegex(@"^func\s", RegexOptions.Multiline)]
    private static partial Regex GoFunction();
}
