using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Pairs sources with their tests by name (<c>Foo.cs</c>/<c>FooTests.cs</c>, <c>foo.py</c>/<c>test_foo.py</c>,
/// <c>foo.ts</c>/<c>foo.test.ts</c>, <c>foo.go</c>/<c>foo_test.go</c>, <c>Foo.java</c>/<c>FooTest.java</c>), so a relevant
/// source brings its tests along and a relevant test brings its source.
/// </summary>
internal static partial class TestPairing
{
    public static void Apply(IReadOnlyList<string> paths, double[] scores, List<string>[] reasons) => Apply(Pairs(paths), paths, scores, reasons);

    /// <summary>Every (test, source) pair by name, indexes into <paramref name="paths"/>, tests in path order.</summary>
    public static IReadOnlyList<(int Test, int Source)> Pairs(IReadOnlyList<string> paths)
    {
        var bySubject = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var tests = new List<(int Index, string Subject)>();
        for (var i = 0; i < paths.Count; i++)
        {
            var name = Path.GetFileName(paths[i]);
            if (TestSubject(name) is { } subject)
            {
                tests.Add((i, subject));
            }
            else
            {
                var stem = Path.GetFileNameWithoutExtension(name);
                (bySubject.TryGetValue(stem, out var list) ? list : bySubject[stem] = []).Add(i);
            }
        }

        return tests.SelectMany(t => bySubject.TryGetValue(t.Subject, out var sources) ? sources.Select(s => (t.Index, s)) : []).ToList();
    }

    /// <summary>Lifts each side of a pair to <see cref="RankingWeights.TestPairShare"/> of the other's score when that is higher.</summary>
    public static void Apply(IReadOnlyList<(int Test, int Source)> pairs, IReadOnlyList<string> paths, double[] scores, List<string>[] reasons)
    {
        var original = (double[])scores.Clone();
        foreach (var (test, source) in pairs)
        {
            if (RankingWeights.TestPairShare * original[source] > scores[test])
            {
                scores[test] = RankingWeights.TestPairShare * original[source];
                reasons[test].Add($"tests {paths[source]}");
            }

            if (RankingWeights.TestPairShare * original[test] > scores[source])
            {
                scores[source] = RankingWeights.TestPairShare * original[test];
                reasons[source].Add($"tested by {paths[test]}");
            }
        }
    }

    /// <summary>The name of the source a test file tests, or null when the file is not a test by its name.</summary>
    internal static string? TestSubject(string fileName)
    {
        var match = TestName().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Success ? match.Groups["b"].Value : match.Groups["c"].Value;
    }

    [GeneratedRegex(@"^(?:(?<a>.+?)(?:Tests?|Specs?|_test|_spec|\.test|\.spec)\.[A-Za-z]+|test_(?<b>.+)\.py|(?<c>.+)_test\.py)$")]
    private static partial Regex TestName();
}
