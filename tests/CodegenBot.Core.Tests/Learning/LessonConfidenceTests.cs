using CodegenBot.Core.Learning;

namespace CodegenBot.Core.Tests.Learning;

public sealed class LessonConfidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(90);

    [Fact]
    public void Of_NewLesson_IsBelievedNotCertain() => Assert.Equal(2.0 / 3, LessonConfidence.Of(Lesson(0, 0, Now), Now, HalfLife), 6);

    [Fact]
    public void Of_Confirmations_RaiseIt_AndContradictions_LowerIt()
    {
        var confirmed = LessonConfidence.Of(Lesson(4, 0, Now), Now, HalfLife);
        var contradicted = LessonConfidence.Of(Lesson(0, 2, Now), Now, HalfLife);

        Assert.Equal(6.0 / 7, confirmed, 6);
        Assert.Equal(2.0 / 5, contradicted, 6);
    }

    [Fact]
    public void Of_AfterOneHalfLifeWithoutConfirmation_IsHalved()
    {
        var fresh = LessonConfidence.Of(Lesson(4, 0, Now), Now, HalfLife);

        Assert.Equal(fresh / 2, LessonConfidence.Of(Lesson(4, 0, Now - HalfLife), Now, HalfLife), 6);
        Assert.Equal(fresh / 4, LessonConfidence.Of(Lesson(4, 0, Now - (2 * HalfLife)), Now, HalfLife), 6);
    }

    internal static Lesson Lesson(int confirmations, int contradictions, DateTimeOffset lastConfirmed, string text = "Write tests with xunit, not NUnit.", string id = "l1") => new()
    {
        Id = id,
        Repository = "octo-org/hello-world",
        Text = text,
        Confirmations = confirmations,
        Contradictions = contradictions,
        CreatedAt = lastConfirmed,
        LastConfirmedAt = lastConfirmed,
    };
}
