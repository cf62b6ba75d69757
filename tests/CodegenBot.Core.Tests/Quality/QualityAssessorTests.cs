using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using FileAnalysis = CodegenBot.Core.Quality.Analysis.FileAnalysis;
using CodegenBot.Core.Quality.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.CSharp;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality;

public sealed class QualityAssessorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-assess-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AssessAsync_SyntaxError_FailsCorrectnessAgainstItsThreshold()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");

        var assessment = await new QualityAssessor([new CSharpAnalyzer()], [], new QualityOptions()).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(assessment.Passed);
        Assert.Equal(Enum.GetValues<QualityDimension>(), assessment.Scores.Select(s => s.Dimension));
        var score = assessment.Scores.Single(s => s.Dimension == QualityDimension.Correctness);
        Assert.Equal((QualityDimension.Correctness, 75.0, 100.0), (score.Dimension, score.Score, score.Threshold));
    }

    [Fact]
    public async Task AssessAsync_FilesNoAnalyzerHandles_AreSkippedAndPass()
    {
        File.WriteAllText(Path.Combine(_root, "notes.md"), "# hi\n");

        var assessment = await new QualityAssessor([new CSharpAnalyzer()], [], new QualityOptions()).AssessAsync(_root, ["notes.md", "deleted.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Equal(["deleted.cs", "notes.md"], assessment.SkippedFiles);
    }

    [Fact]
    public async Task AssessAsync_LowerThreshold_LetsOneErrorPass()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");
        var options = new QualityOptions { Thresholds = new QualityOptions().Thresholds with { Correctness = 70, Testing = 0 } };

        var assessment = await new QualityAssessor([new CSharpAnalyzer()], [], options).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Single(assessment.Findings, f => f.Dimension == QualityDimension.Correctness);
    }

    private const string Documented = "namespace N;\n\n/// <summary>A.</summary>\npublic sealed class A\n{\n    /// <summary>X.</summary>\n    public int X() => 1;\n}\n";

    [Fact]
    public async Task AssessAsync_FindingsTheBaseVersionHad_ArePreexistingAndNotScored()
    {
        const string before = "class A { void M(int a) { if (a > 0 && a < 9 || a == 12) { } } int _ok; int Bad_Name; }\n";
        File.WriteAllText(Path.Combine(_root, "a.cs"), before.Replace("int _ok;", "int _ok; int Worse_Name;", StringComparison.Ordinal));

        var assessment = await Assessor().AssessAsync(_root, ["a.cs"], (_, _) => Task.FromResult<string?>(before), cancellationToken: TestContext.Current.CancellationToken);

        var naming = Assert.Single(assessment.Findings, f => f.RuleId == "CG1002");
        Assert.Contains("Worse_Name", naming.Message, StringComparison.Ordinal);
        Assert.Contains(assessment.PreexistingFindings, f => f.RuleId == "CG1002" && f.Message.Contains("Bad_Name", StringComparison.Ordinal));
        Assert.Contains(assessment.PreexistingFindings, f => f.RuleId == "CG7001");
        Assert.Equal(95, assessment.Scores.Single(s => s.Dimension == QualityDimension.Readability).Score);
        Assert.Equal(100, assessment.Scores.Single(s => s.Dimension == QualityDimension.Testing).Score);
    }

    [Fact]
    public async Task AssessAsync_NewFileWithoutTests_FailsTesting()
    {
        File.WriteAllText(Path.Combine(_root, "Parser.cs"), Documented.Replace("class A", "class Parser", StringComparison.Ordinal));

        var assessment = await Assessor().AssessAsync(_root, ["Parser.cs"], (_, _) => Task.FromResult<string?>(null), cancellationToken: TestContext.Current.CancellationToken);

        var testing = assessment.Scores.Single(s => s.Dimension == QualityDimension.Testing);
        Assert.Equal((0.0, false), (testing.Score, testing.Passed));
        Assert.Contains(assessment.Findings, f => f.RuleId == "CG7001" && f.File == "Parser.cs");
        Assert.False(assessment.Passed);
    }

    [Fact]
    public async Task AssessAsync_TestNamedForTheFileAnywhere_CountsAsTested()
    {
        File.WriteAllText(Path.Combine(_root, "Parser.cs"), Documented.Replace("class A", "class Parser", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_root, "tests"));
        File.WriteAllText(Path.Combine(_root, "tests", "ParserTests.cs"), "public class ParserTests { }\n");

        var assessment = await Assessor().AssessAsync(_root, ["Parser.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(100, assessment.Scores.Single(s => s.Dimension == QualityDimension.Testing).Score);
        Assert.True(assessment.Passed);
    }

    [Fact]
    public async Task AssessAsync_UndocumentedPublicApi_LowersDocumentationToItsCoverage()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), Documented.Replace("    public int X() => 1;", "    public int X() => 1;\n\n    public int Y() => 2;", StringComparison.Ordinal));

        var assessment = await Assessor().AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(66.7, assessment.Scores.Single(s => s.Dimension == QualityDimension.Documentation).Score);
        var finding = Assert.Single(assessment.Findings, f => f.RuleId == "CG6001");
        Assert.Equal((9, "public method Y has no doc comment"), (finding.Line, finding.Message));
    }

    [Fact]
    public async Task AssessAsync_FileThatNeverDocumentedItsApi_IsHeldToItsOwnConvention()
    {
        const string before = "public class A\n{\n    public int X() => 1;\n}\n";
        File.WriteAllText(Path.Combine(_root, "a.cs"), before.Replace("=> 1;", "=> 1;\n    public int Y() => 2;", StringComparison.Ordinal));

        var assessment = await Assessor().AssessAsync(_root, ["a.cs"], (_, _) => Task.FromResult<string?>(before), cancellationToken: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(assessment.Findings.Concat(assessment.PreexistingFindings), f => f.RuleId == "CG6001");
        Assert.Equal(100, assessment.Scores.Single(s => s.Dimension == QualityDimension.Documentation).Score);
    }

    [Fact]
    public async Task AssessAsync_MetricAboveTheLanguageLimit_IsAMaintainabilityWarning()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { int M(int a, int b, int c) => a + b + c; }\n");
        var languages = new Dictionary<string, LanguageOptions> { ["csharp"] = new() { Thresholds = new() { MaxParameters = 2 } } };

        var assessment = await Assessor(languages: languages).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        var finding = Assert.Single(assessment.Findings, f => f.RuleId == "CG2005");
        Assert.Equal((QualityDimension.Maintainability, FindingSeverity.Warning, "A.M takes 3 parameters (limit 2)"), (finding.Dimension, finding.Severity, finding.Message));
        Assert.Equal(95, assessment.Scores.Single(s => s.Dimension == QualityDimension.Maintainability).Score);
    }

    [Fact]
    public async Task AssessAsync_RuleSwitchedOffOrReweighted_ByTheLanguageConfiguration()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { int Bad_Name; void M(int a, int b, int c) { } }\n");
        var languages = new Dictionary<string, LanguageOptions>
        {
            ["csharp"] = new()
            {
                Thresholds = new() { MaxParameters = 2 },
                Rules = new Dictionary<string, RuleOptions> { ["CG1002"] = new() { Enabled = false }, ["CG2005"] = new() { Severity = FindingSeverity.Error } },
            },
        };

        var assessment = await Assessor(languages: languages).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(assessment.Findings, f => f.RuleId == "CG1002");
        Assert.Equal(FindingSeverity.Error, Assert.Single(assessment.Findings, f => f.RuleId == "CG2005").Severity);
    }

    [Fact]
    public async Task AssessAsync_LanguageThresholds_OverrideTheGlobalOnes()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");
        var options = new QualityOptions().Thresholds with { Testing = 0 };
        var languages = new Dictionary<string, LanguageOptions> { ["csharp"] = new() { DimensionThresholds = options with { Correctness = 70 } } };

        var assessment = await Assessor(languages: languages).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(70, assessment.Scores.Single(s => s.Dimension == QualityDimension.Correctness).Threshold);
        Assert.True(assessment.Passed);
    }

    [Fact]
    public async Task AssessAsync_SameContentTwice_ReusesTheCachedAnalysis()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), Documented);
        var cache = new FileContextCacheStore(Path.Combine(_root, ".cache"), NullLogger<FileContextCacheStore>.Instance);
        var counting = new CountingAnalyzer();

        await Assessor(cache: cache, analyzer: counting).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);
        var second = await Assessor(cache: cache, analyzer: counting).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, counting.Calls);
        Assert.Equal("A.X", Assert.Single(second.Files.Single().Functions).Name);
    }

    [Fact]
    public async Task AssessAsync_CorruptCacheEntry_IsRebuilt()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), Documented);
        var cache = new CorruptingCache();
        var counting = new CountingAnalyzer();

        await Assessor(cache: cache, analyzer: counting).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);
        var second = await Assessor(cache: cache, analyzer: counting).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, counting.Calls);
        Assert.Single(second.Files);
    }

    private static QualityAssessor Assessor(IReadOnlyDictionary<string, LanguageOptions>? languages = null, IContextCacheStore? cache = null, ILanguageAnalyzer? analyzer = null) =>
        new([analyzer ?? new CSharpAnalyzer()], [], new QualityOptions(), languages, cache);

    private sealed class CountingAnalyzer : ILanguageAnalyzer
    {
        private readonly CSharpAnalyzer _inner = new();

        public int Calls { get; private set; }

        public string Language => "csharp";

        public bool CanAnalyze(string path) => _inner.CanAnalyze(path);

        public Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken)
        {
            Calls++;
            return _inner.AnalyzeAsync(file, options, cancellationToken);
        }
    }

    private sealed class CorruptingCache : IContextCacheStore
    {
        private readonly Dictionary<string, byte[]> _values = [];

        public Task<(byte[] Value, DateTimeOffset WrittenAt)?> GetAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult<(byte[], DateTimeOffset)?>(_values.ContainsKey(key) ? ("{not json"u8.ToArray(), DateTimeOffset.UnixEpoch) : null);

        public Task SetAsync(string key, byte[] value, DateTimeOffset writtenAt, CancellationToken cancellationToken)
        {
            _values[key] = value;
            return Task.CompletedTask;
        }

        public Task<int> PruneAsync(DateTimeOffset unusedSince, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    [Fact]
    public async Task AssessAsync_ShippedRules_ReportASecurityFindingUnlessTheLanguageDisablesIt()
    {
        File.WriteAllText(Path.Combine(_root, "Store.cs"), "class Store\n{\n    object Find(string name) => Query(\"SELECT * FROM Users WHERE Name = '\" + name + \"'\");\n}\n");
        var disabled = new Dictionary<string, LanguageOptions>
        {
            ["csharp"] = new() { Rules = new Dictionary<string, RuleOptions> { ["CG5001"] = new() { Enabled = false } } },
        };

        var on = await new QualityAssessor([new CSharpAnalyzer()], RuleCatalog.All(), new QualityOptions()).AssessAsync(_root, ["Store.cs"], cancellationToken: TestContext.Current.CancellationToken);
        var off = await new QualityAssessor([new CSharpAnalyzer()], RuleCatalog.All(), new QualityOptions(), disabled).AssessAsync(_root, ["Store.cs"], cancellationToken: TestContext.Current.CancellationToken);

        var finding = Assert.Single(on.Findings, f => f.RuleId == "CG5001");
        Assert.Equal((3, 39, QualityDimension.Security, 89), (finding.Line, finding.Column, finding.Dimension, finding.Cwe));
        Assert.True(on.Scores.Single(s => s.Dimension == QualityDimension.Security).Score < 100);
        Assert.DoesNotContain(off.Findings, f => f.RuleId == "CG5001");
    }

    [Fact]
    public async Task AssessAsync_CompilerErrorCausedByAChangedNeighbour_IsTheChangesNotPreexisting()
    {
        Directory.CreateDirectory(Path.Combine(_root, "App"));
        File.WriteAllText(Path.Combine(_root, "App", "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        File.WriteAllText(Path.Combine(_root, "App", "B.cs"), "namespace App;\npublic static class B { public static int Foo(int a, int b) => a + b; }\n");
        const string before = "namespace App;\npublic static class A { public static int Bar() => B.Foo(1); }\n";
        File.WriteAllText(Path.Combine(_root, "App", "A.cs"), before.Replace("Bar()", "Baz()", StringComparison.Ordinal));
        var bases = new Dictionary<string, string?> { ["App/A.cs"] = before, ["App/B.cs"] = "namespace App;\npublic static class B { public static int Foo(int a) => a; }\n" };

        var assessment = await Assessor().AssessAsync(_root, ["App/A.cs", "App/B.cs"], (p, _) => Task.FromResult(bases[p]), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(assessment.Findings, f => f.RuleId == "CS7036" && f.File == "App/A.cs");
        Assert.DoesNotContain(assessment.PreexistingFindings, f => f.RuleId.StartsWith("CS", StringComparison.Ordinal));
        Assert.False(assessment.Passed);
    }

    [Fact]
    public async Task AssessAsync_MetricThatGotWorseOrANewlyNamedFunction_IsNotExcused()
    {
        const string before = "class A\n{\n    int Parse2(int a) { if (a > 1) { } if (a > 2) { } return a; }\n    int Same(int a, int b, int c) => a;\n}\n";
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A\n{\n    int Parse3(int a) { if (a > 1) { } if (a > 2) { } return a; }\n    int Same(int a, int b, int c, int d) => a;\n}\n");
        var languages = new Dictionary<string, LanguageOptions> { ["csharp"] = new() { Thresholds = new() { MaxCyclomaticComplexity = 2, MaxParameters = 2 } } };

        var assessment = await Assessor(languages: languages).AssessAsync(_root, ["a.cs"], (_, _) => Task.FromResult<string?>(before), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(assessment.Findings, f => f.RuleId == "CG2001" && f.Message.Contains("Parse3", StringComparison.Ordinal));
        Assert.Contains(assessment.Findings, f => f.RuleId == "CG2005" && f.Message.Contains("takes 4 parameters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessAsync_RootWithATrailingSeparator_StillFindsTheProject()
    {
        Directory.CreateDirectory(Path.Combine(_root, "App"));
        File.WriteAllText(Path.Combine(_root, "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        File.WriteAllText(Path.Combine(_root, "C.cs"), "public static class C { public static int M() => \"text\"; }\n");

        var assessment = await Assessor().AssessAsync(_root + Path.DirectorySeparatorChar, ["C.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(assessment.Findings, f => f.RuleId == "CS0029");
    }

    [Theory]
    [InlineData("class C<> { }\n")]
    [InlineData("class C { void M<>() { } int = 1; }\n")]
    public async Task AssessAsync_DeclarationsWithoutNames_AreSyntaxErrorsNotCrashes(string code)
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), code);

        var assessment = await Assessor().AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(assessment.Findings, f => f.Dimension == QualityDimension.Correctness);
    }
}
