using CodegenBot.Core.Context.RepoMap;

namespace CodegenBot.Core.Context;

/// <summary>A file whose full text goes into the prompt, and why it was chosen.</summary>
public sealed record ContextFile(string Path, string Content, string Reason, int Tokens);

/// <summary>Time spent in one phase of gathering context.</summary>
public sealed record ContextPhase(string Name, TimeSpan Elapsed);

/// <summary>
/// What the context engine hands to the prompt, within <see cref="TokenBudget"/> and in a stable order (the same
/// repository and task give byte-identical context, so providers' prompt caches hit), with a record of what the
/// model was given and what it was not.
/// </summary>
public sealed record GatheredContext
{
    /// <summary>Files included in full, most relevant first.</summary>
    public required IReadOnlyList<ContextFile> Files { get; init; }

    /// <summary>Signatures of the next most relevant files.</summary>
    public required string RepoMap { get; init; }

    /// <summary>Folders of the remaining files, with counts.</summary>
    public required string DirectorySummary { get; init; }

    /// <summary>Every candidate file: how much of it was sent, what it cost, and why it ranked where it did.</summary>
    public required IReadOnlyList<CoverageEntry> Coverage { get; init; }

    /// <summary>The team's instruction files.</summary>
    public required IReadOnlyList<TeamDocument> TeamInstructions { get; init; }

    /// <summary>Explicit standards from configuration and the instruction files.</summary>
    public required IReadOnlyList<string> TeamStandards { get; init; }

    /// <summary>A summary of the codebase: languages, dependencies, projects, measured conventions.</summary>
    public required string Profile { get; init; }

    /// <summary>Files the task names that do not exist in the repository.</summary>
    public required IReadOnlyList<string> MentionedButMissing { get; init; }

    /// <summary>Things the user should know, such as a named file that did not fit in full.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Tokens used by everything above.</summary>
    public required int TokenCount { get; init; }

    /// <summary>The budget it had to fit.</summary>
    public required int TokenBudget { get; init; }

    /// <summary>How the repository index was obtained (cache hits, files analysed).</summary>
    public required IndexStatistics Index { get; init; }

    /// <summary>
    /// Time per phase. Phases nest and overlap (the index's own phases within "index", ranking within "profile and
    /// team", the cache write alongside): <see cref="Duration"/> is the total, not their sum.
    /// </summary>
    public required IReadOnlyList<ContextPhase> Phases { get; init; }

    /// <summary>Wall time of the whole gathering, from the start of indexing to the fitted context.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The repository's analysis, for the model's bounded tools (list, read, search); not serialized.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal Caching.RepositoryAnalysis? Analysis { get; init; }
}
