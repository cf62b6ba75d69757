using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class RepeatedEnumerationRuleTests
{
    [Fact]
    public void Check_LazyQueryEnumeratedTwice_IsReportedOnTheSecondEnumeration()
    {
        const string code = "void F(List<int> xs)\n{\n    var big = xs.Where(x => x > 1);\n    if (big.Any())\n    {\n        Use(big.First());\n    }\n}\n";

        var finding = Assert.Single(Run(code));

        Assert.Equal((6, 13), (finding.Line, finding.Column));
        Assert.Contains("first at line 4", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("void F(List<int> xs)\n{\n    var big = xs.Where(x => x > 1).ToList();\n    if (big.Any()) { Use(big.First()); }\n}\n")]
    [InlineData("void F(List<int> xs)\n{\n    IEnumerable<int> big = xs.Where(x => x > 1);\n    Use(big.Count());\n}\n")]
    [InlineData("void F(List<int> xs)\n{\n    IEnumerable<int> big = xs;\n    Use(big.Count());\n    big = Other();\n    Use(big.Count());\n}\n")]
    public void Check_MaterialisedOnceOrReassigned_IsNotReported(string code)
    {
        Assert.Empty(Run(code));
    }

    private static List<Core.Quality.Finding> Run(string code) =>
        new RepeatedEnumerationRule().Check(new SourceFile("f", "csharp", code), MaskedSource.Create(code, "csharp"), new FileAnalysis { Path = "f", Language = "csharp" }).ToList();
}
