using System.Globalization;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Workspace;
using CodegenBot.GitHub.Events;
using Octokit;

namespace CodegenBot.GitHub.Jobs;

/// <summary>Turns a trigger into the <see cref="GenerationTarget"/> it asks for.</summary>
internal static class Targets
{
    /// <summary>The branch of an issue: the one the bot already has for it, else <c>codegen/issue-N-slug</c>.</summary>
    public static string IssueBranch(JobContext job, int issue, string title)
    {
        var prefix = $"{job.Options.Git.BranchPrefix}issue-{issue.ToString(CultureInfo.InvariantCulture)}-";
        return job.Git.FindBranch(prefix) ?? prefix + BranchNames.Slug(title);
    }

    /// <summary>An issue's request: its title and body, plus the command's instructions.</summary>
    public static async Task<GenerationTarget> FromIssueAsync(JobContext job, int number, GenerationMode? mode, string instructions, string? requestedBy, CancellationToken cancellationToken)
    {
        var issue = await job.Client.Issue.Get(job.Repository.Owner, job.Repository.Name, number);
        cancellationToken.ThrowIfCancellationRequested();
        var labels = issue.Labels.Select(l => l.Name).ToList();
        var labelMode = labels.Select(l => EventMapper.LabelMode(l, job.Options.Github.TriggerLabel, out _)).FirstOrDefault(m => m is not null);
        var task = issue.Body ?? "";
        if (instructions.Trim().Length > 0)
        {
            task += $"\n\n## Further instructions from @{requestedBy}\n{instructions}";
        }

        return new GenerationTarget
        {
            Origin = new PullRequestOrigin(number, mode ?? labelMode ?? GenerationMode.Feature),
            Title = issue.Title,
            Task = task,
            Branch = IssueBranch(job, number, issue.Title),
            TrackingNumber = number,
            Labels = labels,
            RequestedBy = requestedBy,
        };
    }

    /// <summary>A free-text task (a manual run without an issue).</summary>
    public static GenerationTarget FromTask(JobContext job, string task, GenerationMode? mode, string? requestedBy)
    {
        var title = new GenerationRequest { RepositoryPath = "", Task = task }.EffectiveTitle;
        return new GenerationTarget
        {
            Origin = new PullRequestOrigin(null, mode ?? GenerationMode.Feature, task),
            Title = title,
            Task = task,
            Branch = $"{job.Options.Git.BranchPrefix}task-{BranchNames.Slug(title)}",
            RequestedBy = requestedBy,
        };
    }

    /// <summary>The request a bot pull request was made for, read from its control block, on its own branch.</summary>
    public static async Task<GenerationTarget?> FromPullRequestAsync(JobContext job, PullRequest pr, string? requestedBy, CancellationToken cancellationToken)
    {
        if (ControlBlock.Origin(pr.Body) is not { } origin)
        {
            return null;
        }

        var target = origin.Issue is { } issue
            ? await FromIssueAsync(job, issue, origin.Mode, "", requestedBy, cancellationToken)
            : FromTask(job, origin.Task ?? pr.Title, origin.Mode, requestedBy);
        return target with { Origin = origin, Branch = pr.Head.Ref, TrackingNumber = pr.Number, Title = origin.Issue is null ? pr.Title : target.Title };
    }
}
