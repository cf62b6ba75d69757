using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class PythonAnalyzerTests
{
    private static readonly PythonAnalyzer Analyzer = new();

    // Expected values are radon 5.1.0's (`radon cc -s Fixtures/cases.py`).
    [Theory]
    [InlineData("plain", 1)]
    [InlineData("branches", 3)]
    [InlineData("loops", 7)]
    [InlineData("handlers", 8)]
    [InlineData("outer", 3)]
    [InlineData("inner", 2)]
    [InlineData("Parser.parse", 2)]
    [InlineData("Parser.fetch", 4)]
    public async Task AnalyzeAsync_RadonFixture_CyclomaticComplexityEqualsRadon(string function, int radon)
    {
        var analysis = await Analyzer.AnalyzeAsync("cases.py", AnalyzerTesting.Fixture("cases.py"));

        Assert.Equal(radon, analysis.Function(function).CyclomaticComplexity);
    }

    [Fact]
    public async Task AnalyzeAsync_AssertAndFString_CountedAsRadonDoes()
    {
        // radon 5.1.0 says 4: the assert counts once (its `or` is not visited); the f-string's `or` and `if` count.
        const string Code = "def checks(a, b):\n    assert a or b, \"a or b\"\n    return f\"{a or b} {'x' if a else 'y'} {{literal or not}}\"\n";

        var analysis = await Analyzer.AnalyzeAsync("m.py", Code);

        Assert.Equal(4, analysis.Function("checks").CyclomaticComplexity);
    }

    [Fact]
    public async Task AnalyzeAsync_NestedFunctionsAndMethods_ReportsBoundaries()
    {
        var analysis = await Analyzer.AnalyzeAsync("cases.py", AnalyzerTesting.Fixture("cases.py"));

        Assert.Equal(["plain", "branches", "loops", "handlers", "outer", "inner", "Parser.parse", "Parser.fetch"], analysis.Functions.Select(f => f.Name));
        var outer = analysis.Function("outer");
        Assert.Equal((39, 5, 45), (outer.Line, outer.Column, outer.EndLine));
        var inner = analysis.Function("inner");
        Assert.Equal((40, 43), (inner.Line, inner.EndLine));
        Assert.Equal(2, analysis.Function("Parser.fetch").Parameters); // self is not counted, the bare * neither
        Assert.Equal("Parser", Assert.Single(analysis.Types).Name);
    }

    [Theory]
    [InlineData("if a:\n        return 1\n    return 2", 1, 1)]
    [InlineData("if a:\n        if b:\n            return 1\n    return 2", 3, 2)]
    [InlineData("for x in y:\n        while x:\n            if x:\n                x -= 1", 6, 3)]
    [InlineData("if a:\n        pass\n    elif b:\n        pass\n    else:\n        pass", 3, 1)]
    [InlineData("return a and b and c", 1, 0)]
    [InlineData("return a and b or c", 2, 0)]
    [InlineData("try:\n        pass\n    except E:\n        if a:\n            pass", 3, 2)]
    public async Task AnalyzeAsync_ControlFlow_CognitiveComplexityAndNesting(string body, int cognitive, int depth)
    {
        var analysis = await Analyzer.AnalyzeAsync("m.py", $"def f(a, b, c, x, y):\n    {body}\n");

        var f = analysis.Function("f");
        Assert.Equal((cognitive, depth), (f.CognitiveComplexity, f.MaxNestingDepth));
    }

    [Fact]
    public async Task AnalyzeAsync_PublicApi_DocstringsDetected()
    {
        const string Code = "def documented():\n    \"\"\"Does it.\"\"\"\n\n\ndef bare():\n    pass\n\n\ndef _private():\n    pass\n\n\nclass Thing:\n    '''A thing.'''\n\n    def run(self):\n        r\"\"\"Runs.\"\"\"\n\n    def __repr__(self):\n        return ''\n";

        var analysis = await Analyzer.AnalyzeAsync("m.py", Code);

        Assert.Equal([("documented", true), ("bare", false), ("Thing", true), ("Thing.run", true)], analysis.PublicApi.Select(a => (a.Name, a.Documented)));
    }

    [Fact]
    public async Task AnalyzeAsync_NamingConventions_ReportsViolationsWithSuggestion()
    {
        const string Code = "class http_client:\n    def getValue(self):\n        pass\n\n    def __init__(self):\n        pass\n\n    def setUp(self):\n        pass\n\n\ndef test_Something():\n    pass\n\n\nmyValue = 1\nMAX_SIZE = 2\n";

        var analysis = await Analyzer.AnalyzeAsync("m.py", Code, AnalyzerTesting.Options(("class", "PascalCase"), ("method", "snake_case"), ("function", "snake_case"), ("variable", "snake_case")));

        Assert.All(analysis.Findings, f => Assert.Equal((Naming.Rule, QualityDimension.Readability, FindingSeverity.Warning), (f.RuleId, f.Dimension, f.Severity)));
        Assert.Equal(
            [(1, "rename 'http_client' to 'HttpClient'"), (2, "rename 'getValue' to 'get_value'"), (16, "rename 'myValue' to 'my_value'")],
            analysis.Findings.Select(f => (f.Line, f.FixHint)).OrderBy(f => f.Line));
        Assert.Contains("method name 'getValue' does not follow the snake_case convention", analysis.Findings.Single(f => f.Line == 2).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_UnbalancedBracketAndOpenString_ReportsSyntaxPositions()
    {
        var analysis = await Analyzer.AnalyzeAsync("m.py", "def f(a:\n    return a\n\nx = 'open\n");

        Assert.Equal([(1, 6), (4, 5)], analysis.Findings.Where(f => f.RuleId == "CG3001").Select(f => (f.Line, f.Column)));
        Assert.All(analysis.Findings, f => Assert.Equal((QualityDimension.Correctness, FindingSeverity.Error), (f.Dimension, f.Severity)));
    }

    [Theory]
    [InlineData("pkg/test_parser.py", "x = 1\n", true)]
    [InlineData("pkg/parser_test.py", "x = 1\n", true)]
    [InlineData("tests/helpers.py", "x = 1\n", true)]
    [InlineData("pkg/checks.py", "import pytest\n\ndef test_it():\n    assert True\n", true)]
    [InlineData("pkg/parser.py", "def parse():\n    pass\n", false)]
    public async Task AnalyzeAsync_TestConventions_SetsIsTest(string path, string content, bool expected) =>
        Assert.Equal(expected, (await Analyzer.AnalyzeAsync(path, content)).IsTest);

    [Fact]
    public async Task AnalyzeAsync_MultilineStringAtColumnZero_DoesNotEndTheFunction()
    {
        var analysis = await Analyzer.AnalyzeAsync("m.py", "def f():\n    x = \"\"\"\ntext\n\"\"\"\n    if x:\n        return x\n\n\ny = 1\n");

        var f = analysis.Function("f");
        Assert.Equal((6, 2, 5), (f.EndLine, f.CyclomaticComplexity, f.CodeLines));
        Assert.Equal((9, 7), (analysis.Lines, analysis.CodeLines));
    }

    [Fact]
    public async Task AnalyzeAsync_TypeVariables_AreNamedLikeTypesWithoutAFinding()
    {
        const string Code = "import typing as t\nT_route = t.TypeVar(\"T_route\", bound=t.Callable)\nUserId = t.NewType(\"UserId\", int)\nBad_Name = 1\n";

        var analysis = await Analyzer.AnalyzeAsync("m.py", Code, AnalyzerTesting.Options(("variable", "snake_case")));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(4, finding.Line);
    }

    [Fact]
    public async Task AnalyzeAsync_OverloadStubs_AreNotPublicApiOfTheirOwn()
    {
        const string Code = "import typing as t\n\n@t.overload\ndef load(x: int) -> int: ...\n@t.overload\ndef load(x: str) -> str: ...\ndef load(x):\n    \"\"\"Load x.\"\"\"\n    return x\n";

        var analysis = await Analyzer.AnalyzeAsync("m.py", Code);

        var api = Assert.Single(analysis.PublicApi);
        Assert.Equal((7, true), (api.Line, api.Documented));
    }
}
