using CodegenBot.Core.Context.Ranking;

namespace CodegenBot.Core.Tests.Context.Ranking;

public sealed class TestPairingTests
{
    [Theory]
    [InlineData("RetryPolicyTests.cs", "RetryPolicy")]
    [InlineData("RetryPolicyTest.java", "RetryPolicy")]
    [InlineData("test_retry.py", "retry")]
    [InlineData("retry_test.py", "retry")]
    [InlineData("retry_test.go", "retry")]
    [InlineData("retry.test.ts", "retry")]
    [InlineData("retry.spec.js", "retry")]
    [InlineData("RetryPolicy.cs", null)]
    [InlineData("Tests.cs", null)]
    public void TestSubject_FileName_NamesTheSourceItTests(string fileName, string? expected) =>
        Assert.Equal(expected, TestPairing.TestSubject(fileName));

    [Fact]
    public void Apply_RelevantSource_LiftsItsTestAndNotOthers()
    {
        string[] paths = ["src/Retry.cs", "tests/RetryTests.cs", "tests/OtherTests.cs"];
        double[] scores = [1.0, 0.0, 0.0];
        var reasons = paths.Select(_ => new List<string>()).ToArray();

        TestPairing.Apply(paths, scores, reasons);

        Assert.Equal([1.0, RankingWeights.TestPairShare, 0.0], scores);
        Assert.Equal(["tests src/Retry.cs"], reasons[1]);
    }
}
