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

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], new QualityOptions()).AssessAsync(_root, ["a.cs"], TestContext.Current.CancellationToken);

        Assert.False(assessment.Passed);
        var score = Assert.Single(assessment.Scores);
        Assert.Equal((QualityDimension.Correctness, 75.0, 100.0), (score.Dimension, score.Score, score.Threshold));
    }

    [Fact]
    public async Task AssessAsync_FilesNoAnalyzerHandles_AreSkippedAndPass()
    {
        File.WriteAllText(Path.Combine(_root, "notes.md"), "# hi\n");

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], new QualityOptions()).AssessAsync(_root, ["notes.md", "deleted.cs"], TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Equal(["notes.md", "deleted.cs"], assessment.SkippedFiles);
    }

    [Fact]
    public async Task AssessAsync_LowerThreshold_LetsOneErrorPass()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");
        var options = new QualityOptions { Thresholds = new QualityOptions().Thresholds with { Correctness = 70 } };

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], options).AssessAsync(_root, ["a.cs"], TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Single(assessment.Findings);
    }
}
