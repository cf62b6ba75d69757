using CodegenBot.Core.Quality.Rules;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class RuleCorpusTests
{
    private const double MinPrecision = 0.9;
    private const double MinRecall = 0.7;

    private static readonly string Corpus = RepositoryPaths.Combine("tests/CodegenBot.Core.Tests/Quality/Rules/Corpus");

    [Fact]
    public void Evaluate_ShippedRulesOnTheLabelledCorpus_MeetPrecisionAndRecallPerLanguageAndOverall()
    {
        var result = RuleCorpus.Evaluate(Corpus, RuleCatalog.All());

        var failing = result.ByLanguage.Append(result.Overall).Where(s => s.Precision < MinPrecision || s.Recall < MinRecall).ToList();
        Assert.True(failing.Count == 0, $"below precision {MinPrecision} or recall {MinRecall}: {string.Join(", ", failing.Select(f => f.Name))}\n{result.Report()}");
    }

    [Fact]
    public void Evaluate_LabelledCorpus_CoversEveryLanguageAndEveryRule()
    {
        var result = RuleCorpus.Evaluate(Corpus, RuleCatalog.All());

        Assert.Equal(["csharp", "go", "java", "javascript", "python", "typescript"], result.ByLanguage.Select(s => s.Name));
        var expectedRules = result.Hits.Concat(result.Misses).Select(h => h.RuleId).ToHashSet();
        Assert.All(RuleCatalog.All(), rule => Assert.Contains(rule.Id, expectedRules));
        Assert.True(result.Hits.Count + result.Misses.Count >= 150, result.Report());
    }

    [Fact]
    public void Expectations_MarkersInComments_GiveRuleAndLine()
    {
        var content = "x = 1\nos.system(cmd)  # expect: CG5002, CG5003\ns = \"expect: CG5001\"\n# expect-next-line: CG5004\npickle.loads(b)\n";

        var expectations = RuleCorpus.Expectations(content, "python").ToList();

        Assert.Equal([("CG5002", 2), ("CG5003", 2), ("CG5004", 5)], expectations);
    }

    [Fact]
    public void Evaluate_FindingOnAnUnmarkedLine_IsAFalseAlarm()
    {
        var folder = Directory.CreateTempSubdirectory("codegen-corpus-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.py"), "import os\nos.system('ls ' + path)\nos.system(cmd)  # expect: CG5002\neval(x)  # expect: CG5001\n");

            var result = RuleCorpus.Evaluate(folder, RuleCatalog.All());

            Assert.Equal([(2, "CG5002"), (4, "CG5003")], result.FalseAlarms.Select(a => (a.Line, a.RuleId)));
            Assert.Equal([3], result.Hits.Select(h => h.Line));
            Assert.Equal([("CG5001", 4)], result.Misses.Select(m => (m.RuleId, m.Line)));
            Assert.Contains("false alarm: a.py:2 CG5002", result.Report(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
