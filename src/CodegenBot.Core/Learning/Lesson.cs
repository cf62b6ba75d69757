namespace CodegenBot.Core.Learning;

/// <summary>What a lesson was learnt from: a task, the feedback it drew, and how it ended.</summary>
/// <param name="Task">The task (issue number, pull request or run id).</param>
/// <param name="Feedback">The feedback item's key or a short description.</param>
/// <param name="Outcome">How the task ended (passed, gave_up, merged, closed, changes_requested...).</param>
/// <param name="At">When.</param>
public sealed record LessonEvidence(string Task, string Feedback, string Outcome, DateTimeOffset At);

/// <summary>
/// Something learnt about one repository ("tests use xunit, not NUnit"), with the evidence for it and how often it
/// was confirmed or contradicted. Its weight in a prompt is <see cref="LessonConfidence.Of"/>.
/// </summary>
public sealed record Lesson
{
    /// <summary>A stable id (the store's key).</summary>
    public required string Id { get; init; }

    /// <summary>The repository, as owner/name or a local path.</summary>
    public required string Repository { get; init; }

    /// <summary>The lesson, as the prompt shows it: one imperative sentence.</summary>
    public required string Text { get; init; }

    /// <summary>The feedback key it was learnt from (the same problem has the same key), or empty for a lesson stated by hand.</summary>
    public string Key { get; init; } = "";

    /// <summary>What it is about (testing, build, style, api, security...).</summary>
    public string Category { get; init; } = "general";

    /// <summary>Times a later task confirmed it (the same feedback again, or success once it was followed).</summary>
    public int Confirmations { get; init; }

    /// <summary>Times a later task contradicted it (it was followed and the task failed for that reason, or a reviewer said otherwise).</summary>
    public int Contradictions { get; init; }

    /// <summary>When it was first learnt.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last confirmed (or created).</summary>
    public required DateTimeOffset LastConfirmedAt { get; init; }

    /// <summary>The tasks and feedback it rests on, newest last.</summary>
    public IReadOnlyList<LessonEvidence> Evidence { get; init; } = [];
}
