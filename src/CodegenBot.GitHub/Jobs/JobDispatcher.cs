using CodegenBot.GitHub.Events;
using Octokit;

namespace CodegenBot.GitHub.Jobs;

/// <summary>Runs the job a trigger asks for.</summary>
internal static class JobDispatcher
{
    /// <summary>The task of the bot's pull request an event is about: the request in its control block, else its branch.</summary>
    private static Core.Storage.TaskIdentity PullRequestTask(JobContext job) => job.AttributeTask(
        ControlBlock.Origin(job.Trigger.Body) ?? new PullRequestOrigin(null, Core.Requests.GenerationMode.Feature),
        job.Trigger.PullRequest?.HeadRef ?? "",
        job.Trigger.Actor?.Login);

    public static async Task<JobResult> RunAsync(JobContext job, PullRequest? pullRequest, CancellationToken cancellationToken)
    {
        var trigger = job.Trigger;
        var actor = trigger.Actor?.Login;
        switch (trigger.Kind)
        {
            case TriggerKind.Help:
                await job.ReplyAsync(Replies.Help(job, trigger.Reason), cancellationToken);
                return new JobResult(JobStatus.Answered, 0) { Message = "posted the help text" };

            case TriggerKind.Assess:
                return await AssessJob.RunAsync(job, pullRequest, cancellationToken);

            case TriggerKind.Refactor:
                return await RefactorJob.RunAsync(job, cancellationToken);

            case TriggerKind.Feedback:
                await job.Journal.RecordUserFeedbackAsync(
                    PullRequestTask(job),
                    [Core.Feedback.FeedbackNormalizer.FromReview(trigger.Instructions, null, null)],
                    cancellationToken);
                return new JobResult(JobStatus.Answered, 0)
                {
                    Message = $"review feedback from @{actor} on #{trigger.Number} recorded; `/codegen revise` (or github.auto_revise) addresses it",
                };

            case TriggerKind.Closed:
                await job.Journal.RecordPullRequestOutcomeAsync(
                    PullRequestTask(job),
                    trigger.Merged,
                    cancellationToken);
                return new JobResult(JobStatus.Answered, 0)
                {
                    Message = $"pull request #{trigger.Number} was {(trigger.Merged ? "merged" : "closed without merging")}; recorded for learning",
                };

            case TriggerKind.Revise:
                return pullRequest is not null && IsBots(job, pullRequest)
                    ? await ReviseJob.RunAsync(job, pullRequest, cancellationToken)
                    : await NotBotsAsync(job, "`/codegen revise` works on the bot's own pull requests; on an issue, use `/codegen retry` or `/codegen <instructions>`.", cancellationToken);

            case TriggerKind.Retry or TriggerKind.Generate when pullRequest is not null:
                if (!IsBots(job, pullRequest))
                {
                    return await NotBotsAsync(job, "CodegenBot generates changes from issues; comment `/codegen` on the issue, or `/codegen assess` for a quality report of this pull request.", cancellationToken);
                }

                if (trigger.Kind == TriggerKind.Generate && trigger.Instructions.Trim().Length > 0)
                {
                    return await ReviseJob.RunAsync(job, pullRequest, cancellationToken);
                }

                var fromPr = await Targets.FromPullRequestAsync(job, pullRequest, actor, cancellationToken);
                return fromPr is null
                    ? await NotBotsAsync(job, "This pull request's control block is missing, so CodegenBot cannot tell what it was made for; re-run it from its issue with `/codegen retry`.", cancellationToken)
                    : await GenerateJob.RunAsync(job, fromPr, cancellationToken);

            case TriggerKind.Retry or TriggerKind.Generate when trigger.Number is { } number:
                return await GenerateJob.RunAsync(job, await Targets.FromIssueAsync(job, number, trigger.Mode, trigger.Instructions, actor, cancellationToken), cancellationToken);

            case TriggerKind.Generate:
                return await GenerateJob.RunAsync(job, Targets.FromTask(job, trigger.Instructions, trigger.Mode, actor), cancellationToken);

            default:
                return new JobResult(JobStatus.Ignored, 0) { Message = trigger.Reason ?? "nothing to do" };
        }
    }

    /// <summary>A pull request from the bot: its branch carries the bot's prefix.</summary>
    internal static bool IsBots(JobContext job, PullRequest pr) => pr.Head?.Ref?.StartsWith(job.Options.Git.BranchPrefix, StringComparison.Ordinal) == true;

    private static async Task<JobResult> NotBotsAsync(JobContext job, string message, CancellationToken cancellationToken)
    {
        await job.ReplyAsync(message, cancellationToken);
        return new JobResult(JobStatus.NoChange, 0) { Message = message };
    }
}
