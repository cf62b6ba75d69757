using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class RuleCatalogTests
{
    private static readonly string[] Languages = ["csharp", "python", "javascript", "typescript", "go", "java"];

    [Fact]
    public void PatternRules_Shipped_HaveUniqueIdsInTheirDimensionRange()
    {
        var rules = RuleCatalog.All();

        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r => Assert.True(
            (r.Dimension == QualityDimension.Security && r.Id.StartsWith("CG5", StringComparison.Ordinal)) ||
            (r.Dimension == QualityDimension.Performance && r.Id.StartsWith("CG4", StringComparison.Ordinal)),
            r.Id));
    }

    [Fact]
    public void PatternRules_Shipped_NameAFamilyAndAFixPerLanguageAndSecurityRulesACwe()
    {
        foreach (var rule in RuleCatalog.PatternRules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Family), rule.Id);
            Assert.Contains(Languages, rule.AppliesTo);
            foreach (var language in Languages.Where(rule.AppliesTo))
            {
                Assert.Empty(rule.Check(new("a", language, ""), MaskedSource.Create("", language), new() { Path = "a", Language = language }));
            }
        }

        Assert.All(RuleCatalog.PatternRules.Where(r => r.Dimension == QualityDimension.Security), r => Assert.True(r.Cwe.HasValue, r.Id));
    }

    [Fact]
    public void Load_InvalidExpression_ThrowsNamingTheRule()
    {
        const string yaml = "rules:\n  - id: CG5999\n    family: x\n    message: m\n    languages:\n      python:\n        fix: f\n        patterns:\n          - regex: '(unclosed'\n";

        var error = Assert.Throws<InvalidOperationException>(() => RuleCatalog.Load([yaml]));

        Assert.Contains("CG5999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateId_Throws()
    {
        const string yaml = "rules:\n  - id: CG5998\n    family: x\n  - id: CG5998\n    family: y\n";

        Assert.Throws<InvalidOperationException>(() => RuleCatalog.Load([yaml]));
    }

    [Fact]
    public async Task AddCodegenBotCore_TheAssessorFromTheServices_RunsThePatternRules()
    {
        var root = Directory.CreateTempSubdirectory("codegen-rules-di-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "Repo.cs"), "class Repo\n{\n    string Query(string id) => \"SELECT * FROM users WHERE id = \" + id;\n}\n");
            using var provider = new ServiceCollection().AddLogging().AddCodegenBotCore().BuildServiceProvider();

            var assessment = await provider.GetRequiredService<QualityAssessorFactory>().Create(new CodegenBot.Core.Configuration.CodegenOptions())
                .AssessAsync(root, ["Repo.cs"], cancellationToken: TestContext.Current.CancellationToken);

            Assert.Contains(assessment.Findings, f => f.RuleId == "CG5001");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AddCodegenBotCore_CalledTwice_RegistersEveryRuleOnce()
    {
        var services = new ServiceCollection().AddCodegenBotCore().AddCodegenBotCore();

        using var provider = services.BuildServiceProvider();
        var ids = provider.GetRequiredService<QualityRuleSet>().Select(r => r.Id).ToList();

        Assert.Equal(RuleCatalog.All().Select(r => r.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }
}
