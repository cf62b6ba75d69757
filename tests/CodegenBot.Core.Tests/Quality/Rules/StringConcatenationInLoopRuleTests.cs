using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class StringConcatenationInLoopRuleTests
{
    [Theory]
    [InlineData("csharp", "var s = \"\";\nforeach (var x in xs)\n{\n    s += x;\n}\n", 4)]
    [InlineData("java", "String s = \"\";\nfor (String x : xs) {\n    s = s + x;\n}\n", 3)]
    [InlineData("python", "s = ''\nfor x in xs:\n    s += x\n", 3)]
    [InlineData("go", "var s string\nfor _, x := range xs {\n\ts += x\n}\n", 3)]
    [InlineData("javascript", "for (const x of xs) {\n  html += '<li>' + x;\n}\n", 2)]
    public void Check_StringGrownInALoop_IsReportedOnTheAppend(string language, string code, int line)
    {
        var finding = Assert.Single(Run(language, code));

        Assert.Equal(("CG4002", line), (finding.RuleId, finding.Line));
    }

    [Theory]
    [InlineData("csharp", "var n = 0;\nforeach (var x in xs)\n{\n    n += x;\n}\n")]
    [InlineData("csharp", "foreach (var b in buttons)\n{\n    b.Click += OnClick;\n}\n")]
    [InlineData("python", "for x in xs:\n    line = ''\n    line += x\n")]
    [InlineData("python", "s = ''\ns += 'once'\n")]
    public void Check_NumberEventOrPerIterationString_IsNotReported(string language, string code)
    {
        Assert.Empty(Run(language, code));
    }

    private static List<Core.Quality.Finding> Run(string language, string code) =>
        new StringConcatenationInLoopRule().Check(new SourceFile("f", language, code), MaskedSource.Create(code, language), new FileAnalysis { Path = "f", Language = language }).ToList();
}
