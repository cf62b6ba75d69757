using System.Globalization;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// C# dependency injection: registrations by lifetime (<c>AddSingleton</c>, <c>AddScoped</c>, <c>AddTransient</c>, and
/// their <c>TryAdd</c> forms), and constructors (classic or primary) that take interfaces, against service-locator calls.
/// </summary>
internal sealed partial class DependencyInjectionAnalyzer : IPatternAnalyzer
{
    /// <summary>Fewest constructors with parameters before constructor injection is reported.</summary>
    public const int MinConstructors = 3;

    private static readonly string[] Lifetimes = ["Singleton", "Scoped", "Transient"];

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var files = sample.Of("csharp");
        var note = sample.Note("csharp");
        var registrations = files.SelectMany(f => f.Matches(Registration())).GroupBy(m => m.Groups["life"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = registrations.Values.Sum();
        if (total > 0)
        {
            var dominant = Lifetimes.OrderByDescending(l => registrations.GetValueOrDefault(l)).First();
            var counts = string.Join(", ", Lifetimes.Select(l => string.Create(CultureInfo.InvariantCulture, $"Add{l} {registrations.GetValueOrDefault(l)}")));
            yield return new CodePattern("di", $"csharp DI registrations mostly Add{dominant}", $"{counts} ({note})", NamingConventions.Share(registrations[dominant], total));
        }

        var constructors = files.SelectMany(f => f.Memo(nameof(Constructors), s => Constructors(s).ToList())).Where(c => c.Parameters.Trim().Length > 0).ToList();
        if (constructors.Count >= MinConstructors)
        {
            var injected = constructors.Where(c => InterfaceParameter().IsMatch(c.Parameters)).ToList();
            var locator = files.Sum(f => f.Count(ServiceLocator()));
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{injected.Count} of {constructors.Count} constructors with parameters take interfaces, {injected.Count(c => c.Primary)} of them primary constructors; {locator} service-locator calls ({note})");
            yield return new CodePattern("di", "csharp constructor injection of interfaces", evidence, NamingConventions.Share(injected.Count, constructors.Count));
        }
    }

    /// <summary>Primary constructors of classes, and constructors named after a class the file declares.</summary>
    private static IEnumerable<(string Parameters, bool Primary)> Constructors(SampledFile file)
    {
        var classes = file.CSharpTypes.Where(t => t.Keyword == "class").Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return file.Matches(PrimaryConstructor()).Select(m => (m.Groups["params"].Value, true))
            .Concat(file.Matches(Constructor()).Where(m => classes.Contains(m.Groups["name"].Value)).Select(m => (m.Groups["params"].Value, false)));
    }

    [GeneratedRegex(@"\.(?:Try)?Add(?<life>Singleton|Scoped|Transient)\b\s*[<(]")]
    private static partial Regex Registration();

    [GeneratedRegex(@"\bclass\s+\w+(?:<[^>\n]*>)?\s*\((?<params>[^)]*)\)")]
    private static partial Regex PrimaryConstructor();

    [GeneratedRegex(@"^[ \t]*(?:public|internal|protected|private)\s+(?<name>[A-Z]\w*)\s*\((?<params>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex Constructor();

    [GeneratedRegex(@"(?:^|[\s,(])I[A-Z]\w*(?:<[^>]*>)?\??\s+@?\w+")]
    private static partial Regex InterfaceParameter();

    [GeneratedRegex(@"\bGet(?:Required)?Service\s*(?:<|\(\s*typeof)")]
    private static partial Regex ServiceLocator();
}
