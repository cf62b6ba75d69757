using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;

namespace CodegenBot.Core.Tests.Quality;

public sealed class QualityAssessorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-assess-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AssessAsync_SyntaxError_FailsCorrectnessAgainstItsThreshold()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], [], new QualityOptions()).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(assessment.Passed);
        Assert.Equal(Enum.GetValues<QualityDimension>(), assessment.Scores.Select(s => s.Dimension));
        var score = assessment.Scores.Single(s => s.Dimension == QualityDimension.Correctness);
        Assert.Equal((QualityDimension.Correctness, 75.0, 100.0), (score.Dimension, score.Score, score.Threshold));
    }

    [Fact]
    public async Task AssessAsync_FilesNoAnalyzerHandles_AreSkippedAndPass()
    {
        File.WriteAllText(Path.Combine(_root, "notes.md"), "# hi\n");

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], [], new QualityOptions()).AssessAsync(_root, ["notes.md", "deleted.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Equal(["deleted.cs", "notes.md"], assessment.SkippedFiles);
    }

    [Fact]
    public async Task AssessAsync_LowerThreshold_LetsOneErrorPass()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");
        var options = new QualityOptions { Thresholds = new QualityOptions().Thresholds with { Correctness = 70 } };

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], [], options).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Single(assessment.Findings);
    }
}
