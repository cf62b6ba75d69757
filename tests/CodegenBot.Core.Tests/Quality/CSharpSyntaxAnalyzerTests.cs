using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Tests.Quality;

public sealed class CSharpSyntaxAnalyzerTests
{
    [Fact]
    public async Task AnalyzeAsync_ValidCode_HasNoFindings()
    {
        var findings = (await new CSharpSyntaxAnalyzer().AnalyzeAsync(new SourceFile("src/A.cs", "csharp", "namespace N;\n\npublic sealed class A\n{\n    public int X() => 1;\n}\n"), new LanguageOptions(), TestContext.Current.CancellationToken)).Findings;

        Assert.Empty(findings);
    }

    [Fact]
    public async Task AnalyzeAsync_MissingSemicolon_ReportsFileLineColumnAndRule()
    {
        var findings = (await new CSharpSyntaxAnalyzer().AnalyzeAsync(new SourceFile("src/A.cs", "csharp", "class A\n{\n    int X() { return 1 }\n}\n"), new LanguageOptions(), TestContext.Current.CancellationToken)).Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(("src/A.cs", 3, 24, "CS1002"), (finding.File, finding.Line, finding.Column, finding.RuleId));
        Assert.Equal(QualityDimension.Correctness, finding.Dimension);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("; expected", finding.Message);
    }

    [Theory]
    [InlineData("a.cs", true)]
    [InlineData("b.CSX", true)]
    [InlineData("c.py", false)]
    public void CanAnalyze_ByExtension(string path, bool expected) => Assert.Equal(expected, new CSharpSyntaxAnalyzer().CanAnalyze(path));
}
