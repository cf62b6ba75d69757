using System.Diagnostics;
using System.Text;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

/// <summary>Every analyzer takes any input: random bytes, truncated files, huge files, without throwing and in linear-ish time.</summary>
[Collection(nameof(RobustnessTests))] // timed: not run beside other tests on a 2-core machine
public sealed class RobustnessTests
{
    private static readonly (ILanguageAnalyzer Analyzer, string Path, string Fixture)[] Analyzers =
    [
        (new PythonAnalyzer(), "a.py", "cases.py"),
        (new JavaScriptAnalyzer(), "a.js", "cases.js"),
        (new TypeScriptAnalyzer(), "a.ts", "cases.js"),
        (new JavaAnalyzer(), "A.java", "Cases.java"),
        (new GoAnalyzer(), "a.go", "cases.js"),
        (new GenericTextAnalyzer(), "a.rs", "Cases.java"),
    ];

    public static TheoryData<int> Indexes() => [.. Enumerable.Range(0, Analyzers.Length)];

    // Processor time of this process, not wall time: other processes on the machine do not make the test fail, and
    // the tests of this collection run alone in it.
    private static double CpuMilliseconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task AnalyzeAsync_RandomText_NeverThrows(int index)
    {
        var (analyzer, path, _) = Analyzers[index];
        var random = new Random(index);
        const string Alphabet = "{}()[]<>'\"`/\\*#:;=?.,!&|$@ \t\n\rabcXYZ019_deffunctionclassifelse";
        for (var run = 0; run < 200; run++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 400);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.Next(10) == 0 ? (char)random.Next(1, 0x3000) : Alphabet[random.Next(Alphabet.Length)]);
            }

            var analysis = await analyzer.AnalyzeAsync(path, text.ToString());

            Assert.NotNull(analysis);
        }
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task AnalyzeAsync_TruncatedFixtures_NeverThrowAndStayInBounds(int index)
    {
        var (analyzer, path, fixture) = Analyzers[index];
        var text = AnalyzerTesting.Fixture(fixture);
        for (var cut = 0; cut <= text.Length; cut += 7)
        {
            var analysis = await analyzer.AnalyzeAsync(path, text[..cut]);

            Assert.All(analysis.Functions, f => Assert.InRange(f.EndLine, f.Line, Math.Max(f.Line, analysis.Lines)));
            Assert.All(analysis.Findings, f => Assert.InRange(f.Line, 1, Math.Max(1, analysis.Lines)));
        }
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task AnalyzeAsync_RandomBytes_NeverThrows(int index)
    {
        var (analyzer, path, _) = Analyzers[index];
        var bytes = new byte[4096];
        new Random(42 + index).NextBytes(bytes);

        var analysis = await analyzer.AnalyzeAsync(path, Encoding.UTF8.GetString(bytes));

        Assert.Empty(analysis.Functions);
    }

    [Theory]
    [InlineData(0, "(")]
    [InlineData(0, "def a\n")]
    [InlineData(1, "x => ")]
    [InlineData(1, "{")]
    [InlineData(3, "a(b) throws ")]
    [InlineData(4, "if a { ")]
    [InlineData(5, "(){")]
    public async Task AnalyzeAsync_PathologicalRepetition_StaysLinear(int index, string unit)
    {
        var (analyzer, path, _) = Analyzers[index];
        var text = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length)) + new string('}', 100_000) + new string(')', 100_000);
        var cpu = CpuMilliseconds();

        var analysis = await analyzer.AnalyzeAsync(path, text);

        Assert.InRange(CpuMilliseconds() - cpu, 0, 2000);
        Assert.NotNull(analysis);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task AnalyzeAsync_OneMegabyteFile_HasNoPathologicalSlowdown(int index)
    {
        var (analyzer, path, fixture) = Analyzers[index];
        var unit = AnalyzerTesting.Fixture(fixture) + "\n";
        var text = new StringBuilder();
        while (text.Length < 1_000_000)
        {
            text.Append(unit);
        }

        // Unbalanced openers in bulk are the pathological case for bracket recovery.
        text.Append(new string('(', 2000)).Append(new string('{', 2000));
        await analyzer.AnalyzeAsync(path, unit); // warm up
        var cpu = CpuMilliseconds();

        var analysis = await analyzer.AnalyzeAsync(path, text.ToString());

        // About 300 ms on the 2-core machine. The process's CPU time also counts tests running in parallel, so the
        // bound only catches a pathological (quadratic) case, which takes minutes; speed itself is a benchmark's job.
        Assert.InRange(CpuMilliseconds() - cpu, 0, 5000);
        Assert.NotNull(analysis);
    }
}

[CollectionDefinition(nameof(RobustnessTests), DisableParallelization = true)]
public sealed class TimedTestsDefinition;
