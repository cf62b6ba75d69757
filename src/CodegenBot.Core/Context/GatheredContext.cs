namespace CodegenBot.Core.Context;

/// <summary>A file whose full text goes into the prompt, and why it was chosen.</summary>
public sealed record ContextFile(string Path, string Content, string Reason, int Tokens);

/// <summary>What the context engine hands to the prompt: within <see cref="TokenBudget"/>, in a stable order.</summary>
public sealed record GatheredContext
{
    /// <summary>Files included in full, most relevant first.</summary>
    public required IReadOnlyList<ContextFile> Files { get; init; }

    /// <summary>Paths of the other files of the repository, listed so the model knows they exist.</summary>
    public required IReadOnlyList<string> ListedPaths { get; init; }

    /// <summary>Files neither included nor listed because the budget ran out.</summary>
    public required int OmittedFileCount { get; init; }

    /// <summary>Files the task names that do not exist in the repository.</summary>
    public required IReadOnlyList<string> MentionedButMissing { get; init; }

    /// <summary>The team's instruction files.</summary>
    public required IReadOnlyList<TeamDocument> TeamInstructions { get; init; }

    /// <summary>Tokens used by everything above.</summary>
    public required int TokenCount { get; init; }

    /// <summary>The budget it had to fit.</summary>
    public required int TokenBudget { get; init; }
}
