using CodegenBot.Core.Learning;
using CodegenBot.Core.Storage;

namespace CodegenBot.Core.Tests.Learning;

public sealed class LessonLearnerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private const string Key = "ERROR|cs0246|the type or namespace name <name> could not be found";

    private static FeedbackEntry Entry(string key = Key) => new() { Repository = "octo/app", TaskId = "octo/app#3", Key = key, Category = "ERROR", Message = "The type or namespace name 'NUnit' could not be found", At = T0 };

    private static FeedbackPatternRow Pattern(int tasks, string key = Key) => new(key, "ERROR", "The type or namespace name 'NUnit' could not be found", tasks, T0);

    private static Lesson Existing(int confirmations = 1, int contradictions = 0) => new()
    {
        Id = LessonLearner.IdOf("octo/app", Key), Repository = "octo/app", Key = Key, Text = "old text", Category = "error",
        Confirmations = confirmations, Contradictions = contradictions, CreatedAt = T0.AddDays(-5), LastConfirmedAt = T0.AddDays(-5),
    };

    [Fact]
    public void Learn_ProblemInOneTaskOnly_IsNoLessonYet()
    {
        Assert.Empty(LessonLearner.Learn("octo/app", "octo/app#3", false, [Entry()], [], [], [], T0));
    }

    [Fact]
    public void Learn_ProblemSeenInASecondTask_BecomesALessonWithItsEvidence()
    {
        var lesson = Assert.Single(LessonLearner.Learn("octo/app", "octo/app#3", true, [Entry()], [Pattern(2)], [], [], T0));

        Assert.Equal(LessonLearner.IdOf("octo/app", Key), lesson.Id);
        Assert.Equal(Key, lesson.Key);
        Assert.Equal("error", lesson.Category);
        Assert.Equal(1, lesson.Confirmations);
        Assert.Equal("Earlier tasks in this repository (2 of them) were sent back for this ERROR problem; avoid it from the start: The type or namespace name 'NUnit' could not be found", lesson.Text);
        Assert.Equal(new LessonEvidence("octo/app#3", "The type or namespace name 'NUnit' could not be found", "passed", T0), Assert.Single(lesson.Evidence));
    }

    [Fact]
    public void Learn_LessonNotInThePromptAndTheProblemCameBack_IsConfirmed()
    {
        var lesson = Assert.Single(LessonLearner.Learn("octo/app", "octo/app#3", true, [Entry()], [Pattern(3)], [Existing()], [], T0));

        Assert.Equal((2, 0, T0), (lesson.Confirmations, lesson.Contradictions, lesson.LastConfirmedAt));
        Assert.StartsWith("Earlier tasks in this repository (3 of them)", lesson.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_LessonInThePromptAndTheProblemCameBackAnyway_IsContradicted()
    {
        var existing = Existing();

        var lesson = Assert.Single(LessonLearner.Learn("octo/app", "octo/app#3", false, [Entry()], [Pattern(3)], [existing], [existing], T0));

        Assert.Equal((1, 1, T0.AddDays(-5)), (lesson.Confirmations, lesson.Contradictions, lesson.LastConfirmedAt));
        Assert.Equal("gave_up", lesson.Evidence[^1].Outcome);
    }

    [Fact]
    public void Learn_LessonFollowedAndTheTaskPassedWithoutTheProblem_IsConfirmed()
    {
        var existing = Existing();

        var lesson = Assert.Single(LessonLearner.Learn("octo/app", "octo/app#3", true, [Entry("QUALITY||something else")], [Pattern(3)], [existing], [existing], T0));

        Assert.Equal(2, lesson.Confirmations);
        Assert.Equal("followed; the problem did not come back", lesson.Evidence[^1].Feedback);
    }

    [Fact]
    public void Learn_LessonFollowedButTheTaskFailedForAnotherReason_IsLeftAlone()
    {
        var existing = Existing();

        Assert.Empty(LessonLearner.Learn("octo/app", "octo/app#3", false, [Entry("QUALITY||something else")], [], [existing], [existing], T0));
    }

    [Fact]
    public void Learn_Evidence_KeepsTheNewestTen()
    {
        var existing = Existing() with { Evidence = [.. Enumerable.Range(0, 10).Select(i => new LessonEvidence($"t{i}", "f", "passed", T0.AddDays(-i)))] };

        var lesson = Assert.Single(LessonLearner.Learn("octo/app", "octo/app#3", true, [Entry()], [Pattern(4)], [existing], [], T0));

        Assert.Equal(LessonLearner.MaxEvidence, lesson.Evidence.Count);
        Assert.Equal("t1", lesson.Evidence[0].Task);
        Assert.Equal("octo/app#3", lesson.Evidence[^1].Task);
    }

    [Theory]
    [InlineData(true, 2, 0, "merged")]
    [InlineData(false, 1, 1, "closed")]
    public void FromPullRequestOutcome_ChangesOnlyTheLessonsThatShapedTheTask(bool merged, int confirmations, int contradictions, string outcome)
    {
        var shaped = Existing() with { Evidence = [new LessonEvidence("octo/app#3", "followed", "passed", T0.AddDays(-1))] };
        var other = Existing() with { Id = "other", Evidence = [new LessonEvidence("octo/app#4", "x", "passed", T0.AddDays(-1))] };

        var lesson = Assert.Single(LessonLearner.FromPullRequestOutcome([shaped, other], "octo/app#3", merged, T0));

        Assert.Equal((shaped.Id, confirmations, contradictions, outcome), (lesson.Id, lesson.Confirmations, lesson.Contradictions, lesson.Evidence[^1].Outcome));
        Assert.Equal(merged ? T0 : shaped.LastConfirmedAt, lesson.LastConfirmedAt);
    }

    [Fact]
    public void FromPullRequestOutcome_LessonContradictedInTheTaskOrAlreadyGivenTheOutcome_IsLeftAlone()
    {
        var contradicted = Assert.Single(LessonLearner.Learn("octo/app", "octo/app#3", false, [Entry()], [Pattern(3)], [Existing()], [Existing()], T0));
        var merged = Assert.Single(LessonLearner.FromPullRequestOutcome([Existing() with { Evidence = [new LessonEvidence("octo/app#3", "followed", "passed", T0)] }], "octo/app#3", true, T0));

        Assert.StartsWith(LessonLearner.ContradictedPrefix, contradicted.Evidence[^1].Feedback, StringComparison.Ordinal);
        Assert.Empty(LessonLearner.FromPullRequestOutcome([contradicted], "octo/app#3", merged: true, T0));
        Assert.Empty(LessonLearner.FromPullRequestOutcome([merged], "octo/app#3", merged: false, T0.AddDays(1)));
    }

    [Fact]
    public void IdOf_IsStableAndPerRepository()
    {
        Assert.Equal(LessonLearner.IdOf("octo/app", Key), LessonLearner.IdOf("octo/app", Key));
        Assert.NotEqual(LessonLearner.IdOf("octo/app", Key), LessonLearner.IdOf("octo/other", Key));
        Assert.Matches("^octo/app:[0-9a-f]{16}$", LessonLearner.IdOf("octo/app", Key));
    }
}
