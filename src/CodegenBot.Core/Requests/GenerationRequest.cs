namespace CodegenBot.Core.Requests;

/// <summary>One request for a change: what to do, where, and how.</summary>
public sealed record GenerationRequest
{
    /// <summary>The root of the local git repository to change.</summary>
    public required string RepositoryPath { get; init; }

    /// <summary>The task as the requester wrote it (issue body, comment, or text from the command line).</summary>
    public required string Task { get; init; }

    /// <summary>A short title, used for the branch and commit; derived from the task when absent.</summary>
    public string? Title { get; init; }

    /// <summary>The labels (they may pick the mode and add context).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The kind of change.</summary>
    public GenerationMode Mode { get; init; } = GenerationMode.Feature;

    /// <summary>Stop before committing: show the diff, leave no branch behind.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The exact branch to work on (e.g. <c>codegen/issue-12-add-retry</c>), replacing a local branch of that name;
    /// null derives a new, unused name from the title under <c>git.branch_prefix</c>.
    /// </summary>
    public string? Branch { get; init; }

    /// <summary>The commit the work starts from (a sha or ref the repository resolves); null for HEAD.</summary>
    public string? StartPoint { get; init; }

    /// <summary>
    /// The folder whose <c>.github/codegen/templates/</c> override the shipped templates; null for the work tree.
    /// On a pull request it is the base branch's copy, so a change cannot rewrite the bot's own instructions.
    /// </summary>
    public string? TemplateRoot { get; init; }

    /// <summary>Lessons learnt in this repository (from the store); the prompt carries the most relevant of them.</summary>
    public IReadOnlyList<Learning.Lesson> Lessons { get; init; } = [];

    /// <summary>Problems the repository's earlier tasks hit (from the store); the feedback processor ranks them higher and says so.</summary>
    public IReadOnlyList<Storage.FeedbackPatternRow> RepositoryPatterns { get; init; } = [];

    /// <summary>What people said that this run answers (review comments, revise instructions), for the feedback record.</summary>
    public IReadOnlyList<Feedback.FeedbackItem> UserFeedback { get; init; } = [];

    /// <summary>The title, or the task's first non-empty line, trimmed to a readable length.</summary>
    public string EffectiveTitle
    {
        get
        {
            var text = Title ?? Task.Split('\n').Select(l => l.Trim().TrimStart('#', ' ')).FirstOrDefault(l => l.Length > 0) ?? "change";
            return text.Length <= 72 ? text : string.Concat(text.AsSpan(0, 69), "...");
        }
    }
}
