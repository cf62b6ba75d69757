using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Validation;

namespace CodegenBot.Core.Tests.Quality.Validation;

public sealed class TestResultParsersTests
{
    [Fact]
    public void ReadTrx_CountsAndFailures()
    {
        const string trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="Calc.Adds" outcome="Passed" />
                <UnitTestResult testName="Calc.Subtracts" outcome="Failed">
                  <Output><ErrorInfo><Message>Assert.Equal() Failure: expected 1, actual 2</Message><StackTrace>at Calc.Subtracts() in CalcTests.cs:line 12</StackTrace></ErrorInfo></Output>
                </UnitTestResult>
                <UnitTestResult testName="Calc.Skipped" outcome="NotExecuted" />
              </Results>
              <ResultSummary outcome="Failed"><Counters total="3" executed="2" passed="1" failed="1" error="0" timeout="0" aborted="0" notExecuted="1" /></ResultSummary>
            </TestRun>
            """;

        var results = TestResultParsers.ReadTrx(trx)!;

        Assert.Equal((1, 1, 1), (results.Passed, results.Failed, results.Skipped));
        var failure = Assert.Single(results.Failures);
        Assert.Equal("Calc.Subtracts", failure.Name);
        Assert.Equal("Assert.Equal() Failure: expected 1, actual 2\nat Calc.Subtracts() in CalcTests.cs:line 12", failure.Message);
    }

    [Fact]
    public void ReadJUnit_PytestAndSurefireShapes()
    {
        const string xml = """
            <testsuites><testsuite name="pytest" tests="4">
              <testcase classname="tests.test_calc" name="test_add" />
              <testcase classname="tests.test_calc" name="test_sub"><failure message="assert 2 == 1">def test_sub(): ...</failure></testcase>
              <testcase classname="tests.test_calc" name="test_div"><error message="ZeroDivisionError" /></testcase>
              <testcase classname="tests.test_calc" name="test_later"><skipped /></testcase>
            </testsuite></testsuites>
            """;

        var results = TestResultParsers.ReadJUnit(xml)!;

        Assert.Equal((1, 2, 1), (results.Passed, results.Failed, results.Skipped));
        Assert.Equal(["tests.test_calc.test_sub", "tests.test_calc.test_div"], results.Failures.Select(f => f.Name));
        Assert.Equal("assert 2 == 1\ndef test_sub(): ...", results.Failures[0].Message);
    }

    [Fact]
    public void ReadGoJson_CountsEventsAndKeepsTheFailingTestsOutput()
    {
        const string output = """
            {"Action":"run","Package":"example.com/calc","Test":"TestAdd"}
            {"Action":"pass","Package":"example.com/calc","Test":"TestAdd","Elapsed":0}
            {"Action":"output","Package":"example.com/calc","Test":"TestSub","Output":"    calc_test.go:12: got 2, want 1\n"}
            {"Action":"fail","Package":"example.com/calc","Test":"TestSub","Elapsed":0}
            {"Action":"skip","Package":"example.com/calc","Test":"TestLater","Elapsed":0}
            {"Action":"fail","Package":"example.com/calc","Elapsed":0.01}
            """;

        var results = TestResultParsers.ReadGoJson(output)!;

        Assert.Equal((1, 1, 1), (results.Passed, results.Failed, results.Skipped));
        Assert.Equal(new TestFailure("example.com/calc.TestSub", "calc_test.go:12: got 2, want 1"), Assert.Single(results.Failures));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\"/></testsuite>")]
    public void Readers_BadInput_GiveNullNotAnException(string input)
    {
        Assert.Null(TestResultParsers.ReadTrx(input));
        Assert.Null(TestResultParsers.ReadJUnit(input));
        Assert.Null(TestResultParsers.ReadGoJson(input));
    }

    [Fact]
    public void ReadMsBuildDiagnostics_ErrorsAndWarningsAsFindings_Deduplicated()
    {
        var output = "/work/tree/src/A.cs(6,61): error CS1002: ; expected [/work/tree/src/A.csproj]\n" +
                     "/work/tree/src/A.cs(6,61): error CS1002: ; expected [/work/tree/src/A.csproj]\n" +
                     "src/B.cs(3,5): warning CS0168: The variable 'x' is declared but never used [/work/tree/src/A.csproj]\n" +
                     "Build FAILED.\n";

        var findings = TestResultParsers.ReadMsBuildDiagnostics(output, "/work/tree");

        Assert.Equal(2, findings.Count);
        Assert.Equal(("src/A.cs", 6, 61, "CS1002", FindingSeverity.Error, "; expected"), (findings[0].File, findings[0].Line, findings[0].Column, findings[0].RuleId, findings[0].Severity, findings[0].Message));
        Assert.Equal(("src/B.cs", FindingSeverity.Warning), (findings[1].File, findings[1].Severity));
    }
}
