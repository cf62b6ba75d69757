using CodegenBot.Core.Generation;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Quality.Output;

public sealed class QualityMarkdownTests
{
    private static readonly QualityMarkdown Renderer = new(new TemplateRenderer(null));

    [Fact]
    public void Render_FailingReportWithLinksAndValidation_MatchesTheGoldenFile() =>
        AssertGolden("failing.md", Renderer.Render(
            SampleReports.Failing(validation: SampleReports.FailedTests()),
            new QualityMarkdownOptions { BlobBaseUrl = "https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567" }));

    [Fact]
    public void Render_NoBaseUrl_LocationsArePlainCode()
    {
        var markdown = Renderer.Render(SampleReports.Failing());

        Assert.Contains("- `src/Orders/OrderRepository.cs:42` **CG5001**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://github.com", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextFromTheRepository_IsEscaped()
    {
        var hostile = SampleReports.Sql with { Message = "<script>alert(1)</script> | *bold* [x](http://evil) @admin\nnext", FixHint = "`rm -rf`" };
        var report = SampleReports.Failing() with { Assessment = SampleReports.Failing().Assessment with { Findings = [hostile] } };

        var line = Renderer.Render(report).Split('\n').Single(l => l.Contains("CG5001", StringComparison.Ordinal));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\* \\[x\\](http://evil) &#64;admin next", line, StringComparison.Ordinal);
        Assert.Contains("Fix: \\`rm -rf\\`.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyFindings_FoldsAndCapsThem()
    {
        var many = Enumerable.Range(1, 30).Select(i => SampleReports.Complex with { Line = i }).ToList();
        var report = SampleReports.Failing() with { Assessment = SampleReports.Failing().Assessment with { Findings = many, PreexistingFindings = [] } };

        var markdown = Renderer.Render(report, new QualityMarkdownOptions { MaxFindings = 20, OpenFindings = 10 });

        Assert.Contains("<details><summary>Warnings (30)</summary>", markdown, StringComparison.Ordinal);
        Assert.Equal(20, markdown.Split('\n').Count(l => l.StartsWith("- `src/Orders/OrderService.cs:", StringComparison.Ordinal)));
        Assert.Contains("- … and 10 more (see the JSON or SARIF output).", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NothingAnalysed_SaysSo()
    {
        var report = new QualityReport { Assessment = new QualityAssessment { Findings = [], Scores = [], AnalyzedFiles = [], SkippedFiles = ["README.md"] } };

        var markdown = Renderer.Render(report);

        Assert.Contains("No file had an analyzer for its language, so nothing was scored.", markdown, StringComparison.Ordinal);
        Assert.Contains("No findings.", markdown, StringComparison.Ordinal);
        Assert.EndsWith("No findings.\n", markdown, StringComparison.Ordinal);
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = RepositoryPaths.Combine($"tests/CodegenBot.Core.Tests/Quality/Output/Golden/{name}");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        // To accept an intended change: UPDATE_GOLDEN=1 dotnet test --filter QualityMarkdownTests, then review the diff.
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
