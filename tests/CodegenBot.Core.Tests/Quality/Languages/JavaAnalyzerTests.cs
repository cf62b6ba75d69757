using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class JavaAnalyzerTests
{
    private static readonly JavaAnalyzer Analyzer = new();

    // Expected values are checkstyle 8.36's CyclomaticComplexity (switchBlockAsSingleDecisionPoint false) on Fixtures/Cases.java.
    [Theory]
    [InlineData("Cases.Cases", 3)]
    [InlineData("Cases.branches", 4)]
    [InlineData("Cases.loops", 4)]
    [InlineData("Cases.cases", 4)]
    [InlineData("Cases.lambda", 3)]
    public async Task AnalyzeAsync_CheckstyleFixture_CyclomaticComplexityEqualsCheckstyle(string method, int checkstyle)
    {
        var analysis = await Analyzer.AnalyzeAsync("Cases.java", AnalyzerTesting.Fixture("Cases.java"));

        Assert.Equal(checkstyle, analysis.Function(method).CyclomaticComplexity);
    }

    [Fact]
    public async Task AnalyzeAsync_Fixture_ReportsMethodsTypesAndJavadoc()
    {
        var analysis = await Analyzer.AnalyzeAsync("Cases.java", AnalyzerTesting.Fixture("Cases.java"));

        var branches = analysis.Function("Cases.branches");
        Assert.Equal((17, 16, 24, 3, 1), (branches.Line, branches.Column, branches.EndLine, branches.CognitiveComplexity, branches.MaxNestingDepth));
        Assert.Equal("Cases", Assert.Single(analysis.Types).Name);
        Assert.Equal([("Cases.Cases", false), ("Cases.branches", true)], analysis.PublicApi.Where(a => a.Kind != "class").Select(a => (a.Name, a.Documented)));
        Assert.True(analysis.PublicApi.Single(a => a.Kind == "class").Documented);
    }

    [Fact]
    public async Task AnalyzeAsync_AnonymousClassMethod_IsItsOwnFunction()
    {
        const string Code = "class A {\n  Runnable r() {\n    return new Runnable() {\n      public void run() {\n        if (x) { y(); }\n      }\n    };\n  }\n}\n";

        var analysis = await Analyzer.AnalyzeAsync("A.java", Code);

        Assert.Equal([("A.r", 1), ("run", 2)], analysis.Functions.Select(f => (f.Name, f.CyclomaticComplexity)));
    }

    [Fact]
    public async Task AnalyzeAsync_Naming_ReportsMethodsAndClassesButNotTestMethodsWithUnderscores()
    {
        var options = AnalyzerTesting.Options(("class", "PascalCase"), ("method", "camelCase"));

        var production = await Analyzer.AnalyzeAsync("src/main/Bad.java", "class bad_name {\n  void Do_It() {}\n  bad_name() {}\n}\n", options);
        var test = await Analyzer.AnalyzeAsync("src/test/WidgetTest.java", "class WidgetTest {\n  @Test\n  void should_work() {}\n}\n", options);

        Assert.Equal(["rename 'bad_name' to 'BadName'", "rename 'Do_It' to 'doIt'"], production.Findings.OrderBy(f => f.Line).Select(f => f.FixHint));
        Assert.True(test.IsTest);
        Assert.Empty(test.Findings);
    }

    [Fact]
    public async Task AnalyzeAsync_ExtraClosingParenthesis_ReportsItsPosition()
    {
        var analysis = await Analyzer.AnalyzeAsync("A.java", "class A {\n  void f() {\n    g());\n  }\n}\n");

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("CG3001", 3, 8), (finding.RuleId, finding.Line, finding.Column));
        Assert.Contains("')' has no matching '('", finding.Message, StringComparison.Ordinal);
    }
}
