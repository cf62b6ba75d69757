using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class PatternRuleTests
{
    [Fact]
    public void Check_Match_ReportsLineColumnMessageFixAndCwe()
    {
        var finding = Assert.Single(Run("CG5003", "python", "import os\n\ndef f(x):\n    return eval(x)\n"));

        Assert.Equal((4, 12, "CG5003", 95, QualityDimension.Security), (finding.Line, finding.Column, finding.RuleId, finding.Cwe, finding.Dimension));
        Assert.Contains("eval(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ast.literal_eval", finding.FixHint, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MatchInCommentOrString_IsIgnored()
    {
        Assert.Empty(Run("CG5003", "python", "# eval(x)\nmessage = \"never eval(x)\"\n"));
        Assert.Empty(Run("CG5007", "go", "// InsecureSkipVerify: true\nconst doc = \"InsecureSkipVerify: true\"\n"));
    }

    [Fact]
    public void Check_AtGroup_ReportsThePositionOfTheGroup()
    {
        var finding = Assert.Single(Run("CG5001", "java", "class A {\n  void f() { s.executeQuery(\"SELECT * FROM t WHERE id = \" + id); }\n}\n"));

        Assert.Equal((2, 29), (finding.Line, finding.Column));
    }

    [Fact]
    public void Check_Unless_SuppressesASanitisedStatement()
    {
        Assert.NotEmpty(Run("CG5006", "python", "def f():\n    return open('/d/' + request.args['n'])\n"));
        Assert.Empty(Run("CG5006", "python", "def f():\n    return open('/d/' + secure_filename(request.args['n']))\n"));
    }

    [Fact]
    public void Check_TaintedVariable_CarriesOnlyWithinItsFunction()
    {
        const string tainted = "def a():\n    name = request.args['n']\n    return open(name)\n";
        const string otherFunction = "def a():\n    name = request.args['n']\n    return name\n\ndef b(name):\n    return open(name)\n";

        Assert.Equal([3], Run("CG5006", "python", tainted).Select(f => f.Line));
        Assert.Empty(Run("CG5006", "python", otherFunction));
    }

    [Fact]
    public void Check_InLoop_OnlyReportsInsideLoopBodies()
    {
        const string code = "class A {\n  Regex r = new Regex(\"a\");\n  void F(string[] xs) {\n    foreach (var x in xs) {\n      var q = new Regex(x);\n    }\n  }\n}\n";

        Assert.Equal([5], Run("CG4004", "csharp", code).Select(f => f.Line));
    }

    [Fact]
    public void Check_RequiresNear_LooksAtTheEnclosingFunctionName()
    {
        Assert.Single(Run("CG5010", "javascript", "function newApiToken() {\n  return Math.random().toString(36);\n}\n"));
        Assert.Empty(Run("CG5010", "javascript", "function jitter() {\n  return Math.random() * 10;\n}\nconst token = 'a';\n"));
    }

    [Fact]
    public void Check_PathologicalInput_FinishesWithinTheTimeout()
    {
        var code = "x = \"SELECT " + new string('a', 200_000) + "\n";

        var started = System.Diagnostics.Stopwatch.StartNew();
        _ = Run("CG5001", "python", code);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), started.Elapsed.ToString());
    }

    private static List<Finding> Run(string id, string language, string code)
    {
        var rule = RuleCatalog.PatternRules.Single(r => r.Id == id);
        return rule.Check(new SourceFile("f", language, code), MaskedSource.Create(code, language), new FileAnalysis { Path = "f", Language = language }).ToList();
    }
}
