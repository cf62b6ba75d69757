using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>How lessons from earlier runs are kept and used.</summary>
public sealed record LearningOptions
{
    /// <summary>Whether outcomes are recorded and lessons brought into prompts.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The most lessons one prompt carries.</summary>
    [Range(0, 100)]
    public int MaxLessonsInPrompt { get; init; } = 8;

    /// <summary>The most tokens the lessons of one prompt may take.</summary>
    [Range(0, 100_000)]
    public int MaxPromptTokens { get; init; } = 800;

    /// <summary>Lessons below this confidence (0-1) are not used.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; init; } = 0.3;

    /// <summary>Time after which an unconfirmed lesson's confidence has halved.</summary>
    public TimeSpan ConfidenceHalfLife { get; init; } = TimeSpan.FromDays(90);
}
