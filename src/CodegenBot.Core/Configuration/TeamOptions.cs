using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>The team's own standards, stated in configuration, in addition to those read from its instruction files.</summary>
public sealed record TeamOptions
{
    /// <summary>Coding standards every change must follow, one sentence each.</summary>
    public IReadOnlyList<string> Standards { get; init; } = [];

    /// <summary>Patterns the team prefers (libraries, idioms, architecture), one sentence each.</summary>
    public IReadOnlyList<string> PreferredPatterns { get; init; } = [];

    /// <summary>What tests a change must bring, one sentence each.</summary>
    public IReadOnlyList<string> TestingRequirements { get; init; } = [];

    /// <summary>The most standards taken from instruction files (AGENTS.md, CONTRIBUTING.md, ...) into the prompt.</summary>
    [Range(0, 200)]
    public int MaxExtractedStandards { get; init; } = 40;
}
