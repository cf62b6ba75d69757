using CodegenBot.Core.Feedback;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Storage;

namespace CodegenBot.Core.Tests.Feedback;

public sealed class FeedbackProcessorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static Finding Finding(string file, int line, string rule, QualityDimension dimension, FindingSeverity severity, string message, int? cwe = null) => new()
    {
        File = file, Line = line, Column = 5, RuleId = rule, Dimension = dimension, Severity = severity, Message = message, FixHint = "do it right", Cwe = cwe,
    };

    private static AttemptRecord Assessed(int number, params Finding[] findings) => new()
    {
        Number = number,
        Failure = RetryReason.QualityThreshold,
        FailureSummary = $"{findings.Length} finding(s)",
        Assessment = new QualityAssessment
        {
            Findings = findings,
            Scores = [new DimensionScore(QualityDimension.Correctness, 60, 70), new DimensionScore(QualityDimension.Readability, 90, 70)],
            AnalyzedFiles = [],
            SkippedFiles = [],
        },
    };

    private static AttemptRecord Validated(int number, params string[] problems) => new()
    {
        Number = number,
        Failure = RetryReason.ValidationFailed,
        FailureSummary = "checks fail",
        Problems = problems,
        Validation = new Core.Quality.Validation.ValidationRun([]),
    };

    [Fact]
    public void FromFinding_MapsDimensionsAndCompilerErrorsToCategories()
    {
        Assert.Equal(FeedbackCategory.Error, FeedbackNormalizer.FromFinding(Finding("a.cs", 1, "CS0246", QualityDimension.Correctness, FindingSeverity.Error, "The type or namespace name 'Foo' could not be found")).Category);
        Assert.Equal(FeedbackCategory.Security, FeedbackNormalizer.FromFinding(Finding("a.cs", 1, "CG5013", QualityDimension.Security, FindingSeverity.Error, "SQL built from input", 89)).Category);
        Assert.Equal(FeedbackCategory.Performance, FeedbackNormalizer.FromFinding(Finding("a.cs", 1, "CG4002", QualityDimension.Performance, FindingSeverity.Warning, "string concatenation in a loop")).Category);
        Assert.Equal(FeedbackCategory.Quality, FeedbackNormalizer.FromFinding(Finding("a.cs", 1, "CG1002", QualityDimension.Readability, FindingSeverity.Warning, "private field 'X' is not _camelCase")).Category);
    }

    [Fact]
    public void FromValidationProblem_SplitsABuildsCompilerErrorsIntoItemsWithLocations()
    {
        var items = FeedbackNormalizer.FromValidationProblem(
            "dotnet build fails with 2 error(s): src/App/Service.cs:14:9: CS0103 The name 'logger' does not exist in the current context; src/App/Other.cs:3:1: CS1002 ; expected");

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(FeedbackCategory.Error, i.Category));
        Assert.Equal(("src/App/Service.cs", 14, "CS0103", "The name 'logger' does not exist in the current context"), (items[0].File, items[0].Line!.Value, items[0].RuleId, items[0].Message));
        Assert.StartsWith("dotnet build: src/App/Service.cs:14:9", items[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void FromValidationProblem_FailingTestsAreValidationAndExceptionsAreErrors_HangsArePerformance()
    {
        var tests = FeedbackNormalizer.FromValidationProblem("dotnet test: 2 test(s) fail that passed before this change: Calc.Adds: Assert.Equal() Failure: Expected 3, Actual 4; Calc.Divides: System.DivideByZeroException: Attempted to divide by zero.");
        var hang = FeedbackNormalizer.FromValidationProblem("pytest did not finish within the time limit after this change; look for an endless loop or a hang.");
        var output = FeedbackNormalizer.FromValidationProblem("npm test fails (exit code 1) after this change; its output ends: Traceback (most recent call last):\n  File \"x.py\"");

        Assert.Equal([FeedbackCategory.Validation, FeedbackCategory.Error], tests.Select(t => t.Category));
        Assert.Equal("test Calc.Adds fails: Assert.Equal() Failure: Expected 3, Actual 4", tests[0].Message);
        Assert.Equal(FeedbackCategory.Performance, Assert.Single(hang).Category);
        Assert.Equal(FeedbackCategory.Error, Assert.Single(output).Category);
    }

    [Fact]
    public void FromReview_IsUserFeedbackWithItsLocation_SanitisedAndShortened()
    {
        var item = FeedbackNormalizer.FromReview("Please use `ILogger<T>` here.\u200B\n\nMore detail <!-- hidden -->follows.", "src/A.cs", 12);

        Assert.Equal(FeedbackCategory.User, item.Category);
        Assert.StartsWith("reviewer: Please use `ILogger<T>` here.", item.Message, StringComparison.Ordinal);
        Assert.Equal(("src/A.cs", 12), (item.File, item.Line!.Value));
        Assert.DoesNotContain("hidden", item.Evidence, StringComparison.Ordinal);
        Assert.Equal(FeedbackCategory.User, FeedbackNormalizer.FromInstructions("also add tests").Category);
        Assert.Equal("the pull request was closed without merging", FeedbackNormalizer.FromPullRequestOutcome(merged: false).Message);
    }

    [Fact]
    public void Key_SameProblemElsewhere_IsTheSame_AnotherRuleIsNot()
    {
        var a = new FeedbackItem(FeedbackCategory.Error, "The type or namespace name 'NUnit' could not be found (are you missing a using directive?)") { RuleId = "CS0246", File = "tests/A.cs", Line = 3 };
        var b = a with { Message = "The type or namespace name 'TestFixture' could not be found (are you missing a using directive?)", File = "tests/B.cs", Line = 40 };
        var c = a with { RuleId = "CS0234" };
        var d = new FeedbackItem(FeedbackCategory.Validation, "test Calc.Adds fails: Expected 3, Actual 4 at src/Calc.cs:12");
        var e = d with { Message = "test Calc.Adds fails: Expected 5, Actual 7 at src/Calc.cs:19" };

        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
        Assert.Equal(d.Key, e.Key);
        Assert.Equal("ERROR|cs0246|the type or namespace name <name> could not be found (are you missing a using directive?)", a.Key);
    }

    [Fact]
    public void Process_RanksErrorsAndFailingDimensionsFirst_AndDeduplicatesAcrossAttempts()
    {
        var style = Finding("src/A.cs", 20, "CG1002", QualityDimension.Readability, FindingSeverity.Warning, "private field 'Bad' is not _camelCase");
        var error = Finding("src/A.cs", 7, "CS1002", QualityDimension.Correctness, FindingSeverity.Error, "; expected");
        var doc = Finding("src/A.cs", 2, "CG3001", QualityDimension.Documentation, FindingSeverity.Info, "public method 'Run' has no doc comment");

        var summary = FeedbackProcessor.Process([Assessed(1, style, doc, error), Assessed(2, error with { Line = 9 })], [], []);

        Assert.Equal(["CS1002", "CG1002", "CG3001"], summary.Items.Select(i => i.RuleId));
        Assert.Equal(2, summary.Items[0].Occurrences);
        Assert.Equal(9, summary.Items[0].Line);
        Assert.Equal([1, 2], summary.Attempts.Select(a => a.Number));
        Assert.StartsWith("[ERROR] src/A.cs:7: ; expected (CS1002)", summary.Attempts[0].Items[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_SameErrorInTwoAttempts_SuggestsChangingTheApproachFirst()
    {
        var error = Finding("src/A.cs", 7, "CS0246", QualityDimension.Correctness, FindingSeverity.Error, "The type or namespace name 'Foo' could not be found");

        var summary = FeedbackProcessor.Process([Assessed(1, error), Assessed(2, error with { Line = 11, Message = "The type or namespace name 'Bar' could not be found" })], [], []);

        Assert.Equal("CS0246", Assert.Single(summary.RecurringInTask).RuleId);
        Assert.StartsWith("The same ERROR problem came back in attempts 1 and 2: src/A.cs:11: The type or namespace name 'Bar' could not be found (CS0246). The earlier fix did not work; take a different approach", summary.Suggestions[0], StringComparison.Ordinal);
        Assert.Contains(summary.Suggestions, s => s.StartsWith("Add the missing using/import directive", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_ProblemTheRepositoryKeepsHitting_IsRankedUpAndNamedAsSuch()
    {
        var nunit = Finding("tests/CalcTests.cs", 1, "CS0246", QualityDimension.Correctness, FindingSeverity.Error, "The type or namespace name 'NUnit' could not be found");
        var style = Finding("src/A.cs", 20, "CS1591", QualityDimension.Correctness, FindingSeverity.Error, "Missing XML comment for publicly visible type 'A'");
        var key = FeedbackNormalizer.FromFinding(nunit).Key;

        var summary = FeedbackProcessor.Process([Assessed(1, style, nunit)], [], [new FeedbackPatternRow(key, "ERROR", "The type or namespace name 'NUnit' could not be found", 3, T0)]);

        Assert.Equal("tests/CalcTests.cs", summary.Items[0].File);
        var recurrence = Assert.Single(summary.RecurringInRepository);
        Assert.Equal(3, recurrence.Pattern.Tasks);
        Assert.StartsWith("Earlier tasks in this repository hit this 3 times", summary.Suggestions[0], StringComparison.Ordinal);
        Assert.Contains(summary.Suggestions, s => s.StartsWith("Write tests with the framework the repository's test projects already reference", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_SecurityFindings_GetTheirCweAdvice()
    {
        var summary = FeedbackProcessor.Process([Assessed(1, Finding("src/Db.cs", 4, "CG5013", QualityDimension.Security, FindingSeverity.Error, "SQL command text built from input", 89))], [], []);

        Assert.Equal(FeedbackCategory.Security, summary.Items[0].Category);
        Assert.Contains("Use parameterised queries; never build SQL text from input.", summary.Suggestions);
    }

    [Fact]
    public void Process_ManyItems_AreCappedWithACount_AndUserFeedbackIsKeptForTheRecord()
    {
        var findings = Enumerable.Range(1, 45).Select(i => Finding("src/A.cs", i, "CG1002", QualityDimension.Readability, FindingSeverity.Warning, $"private field 'F{i}' is not _camelCase")).ToArray();
        var review = FeedbackNormalizer.FromReview("Use records here", "src/A.cs", 3);

        var summary = FeedbackProcessor.Process([Assessed(1, findings)], [review], [], maxItemsPerAttempt: 30);

        Assert.Equal(31, summary.Attempts[0].Items.Count);
        Assert.Equal("... and 15 more item(s) of lower impact, not listed.", summary.Attempts[0].Items[^1]);
        Assert.Equal(review.Key, summary.Items[0].Key);
    }

    [Fact]
    public void Process_SameInput_GivesTheSameOutput()
    {
        var attempts = new[] { Assessed(1, Finding("b.cs", 2, "CG1002", QualityDimension.Readability, FindingSeverity.Warning, "x 'a'"), Finding("a.cs", 2, "CG1002", QualityDimension.Readability, FindingSeverity.Warning, "x 'b'")) };

        var first = FeedbackProcessor.Process(attempts, [], []);
        var second = FeedbackProcessor.Process(attempts, [], []);

        Assert.Equal(first.Attempts.Single().Items, second.Attempts.Single().Items);
        Assert.Equal(first.Suggestions, second.Suggestions);
        Assert.Equal("[QUALITY] a.cs:2: x 'b' (CG1002); fix: do it right", first.Attempts.Single().Items[0]);
    }

    [Fact]
    public void Process_NoFailedAttempt_IsEmpty()
    {
        var summary = FeedbackProcessor.Process([new AttemptRecord { Number = 1 }], [], []);

        Assert.Empty(summary.Items);
        Assert.Empty(summary.Suggestions);
        Assert.Empty(summary.Attempts);
    }
}
