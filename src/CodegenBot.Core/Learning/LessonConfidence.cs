namespace CodegenBot.Core.Learning;

/// <summary>
/// How much a lesson is trusted, 0 to 1: the share of confirmations with a prior of one confirmation and one
/// contradiction (so a new lesson starts at 2/3 and a contradicted one falls fast), halved for every
/// <c>learning.confidence_half_life</c> since it was last confirmed (a lesson nobody meets again fades).
/// </summary>
internal static class LessonConfidence
{
    /// <summary>Prior confirmations (Laplace smoothing): a lesson is learnt from one observation, so it is believed, not certain.</summary>
    public const double PriorConfirmations = 1;

    /// <summary>Prior contradictions.</summary>
    public const double PriorContradictions = 1;

    public static double Of(Lesson lesson, DateTimeOffset now, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var support = (lesson.Confirmations + 1 + PriorConfirmations) / (lesson.Confirmations + 1 + lesson.Contradictions + PriorConfirmations + PriorContradictions);
        var age = now - lesson.LastConfirmedAt;
        var decay = halfLife <= TimeSpan.Zero || age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age / halfLife);
        return Math.Clamp(support * decay, 0, 1);
    }
}
