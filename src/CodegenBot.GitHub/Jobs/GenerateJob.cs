using System.Globalization;
using CodegenBot.Core;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Reporting;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Resilience;
using CodegenBot.GitHub.Events;
using CodegenBot.GitHub.Progress;
using CodegenBot.GitHub.PullRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodegenBot.GitHub.Jobs;

/// <summary>
/// One generation on GitHub: tracking comment → the engine on the bot's branch (from the base, or on top of a
/// person's commits) → push → pull request opened or updated → tracking comment closed with the link.
/// </summary>
internal static partial class GenerateJob
{
    public static async Task<JobResult> RunAsync(JobContext job, GenerationTarget target, CancellationToken cancellationToken)
    {
        var tracking = target.TrackingNumber is { } number ? job.Tracking(number) : null;
        if (tracking is null)
        {
            return await RunCoreAsync(job, target, null, cancellationToken);
        }

        await tracking.StartAsync(Describe(target), [("context", "Context"), ("attempt-1", "Attempt 1"), ("~pr", "Pull request")], cancellationToken);
        await tracking.SetAsync("context", "Context", StageState.Running, "", cancellationToken);
        try
        {
            return await RunCoreAsync(job, target, tracking, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The tracking comment must not stay "working on it" after the run is gone.
            await tracking.FinishAsync("was cancelled", "The run was cancelled before it finished.", CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await tracking.FinishAsync("stopped", ex is UserErrorException ? ex.Message : "An unexpected error stopped the run; the job log has the details.", CancellationToken.None);
            throw;
        }
    }

    private static async Task<JobResult> RunCoreAsync(JobContext job, GenerationTarget target, TrackingComment? tracking, CancellationToken cancellationToken)
    {
        var logger = job.Loggers.CreateLogger(typeof(GenerateJob).FullName!);

        var remote = job.Git.BranchState(target.Branch, job.BaseSha, cancellationToken);
        var onTop = target.OnTopOfBranch || remote.HasForeignCommits;
        if (remote.HasForeignCommits)
        {
            LogForeignCommits(logger, target.Branch, remote.ForeignCommits.Count);
        }

        var request = new GenerationRequest
        {
            RepositoryPath = job.Workspace,
            Task = target.Task,
            Title = target.Title,
            Labels = target.Labels,
            Mode = target.Mode,
            DryRun = job.Action.DryRun,
            Branch = target.Branch,
            StartPoint = onTop && remote.Tip is not null ? remote.Tip : job.BaseSha,
            TemplateRoot = job.BaseConfig.Root,
            UserFeedback = target.UserFeedback,
        };

        var identity = job.AttributeTask(target.Origin, target.Branch, target.RequestedBy);
        GenerationOutcome outcome;
        try
        {
            request = await job.Journal.BeginAsync(request, identity, cancellationToken);
            var observer = job.Journal.Heartbeat(tracking is null ? null : new TrackingObserver(tracking));
            outcome = await job.Services.GetRequiredService<GenerationPipeline>().RunAsync(request, job.Options, job.Environment, observer, cancellationToken);
        }
        catch (ModelAccessDeniedException ex)
        {
            await job.Journal.AbortAsync(ex, CancellationToken.None);
            var message = ModelAccessMessage(job, ex.Status);
            if (tracking is not null)
            {
                await tracking.FinishAsync("could not call the model", message, cancellationToken);
            }

            return new JobResult(JobStatus.Failed, 2) { Message = message, Summary = message };
        }
        catch (Exception ex)
        {
            await job.Journal.AbortAsync(ex, CancellationToken.None);
            throw;
        }

        await job.Journal.CompleteAsync(outcome, CancellationToken.None);
        var final = outcome.Attempts[^1].Assessment;
        var report = new ReportRenderer(job.Templates).Render(outcome, new ReportTarget(true, outcome.CommitSha is { } sha ? job.BlobBaseUrl(sha) : null));
        var result = new JobResult(JobStatus.GaveUp, 1)
        {
            QualityScore = final?.Overall,
            Tokens = outcome.InputTokens + outcome.OutputTokens,
            Cost = outcome.Cost,
            Summary = report,
            Findings = final?.Findings ?? [],
        };

        if (!outcome.Succeeded)
        {
            if (tracking is not null)
            {
                await tracking.FinishAsync("gave up", $"{outcome.GiveUpReason}\n\n<details><summary>Report</summary>\n\n{report}\n</details>", cancellationToken);
            }

            return result with { Message = outcome.GiveUpReason ?? "gave up" };
        }

        if (job.Action.DryRun)
        {
            if (tracking is not null)
            {
                await tracking.FinishAsync("finished a dry run", "The change passed the checks; `dry_run` stopped before the push, so no branch or pull request was made.", cancellationToken);
            }

            return result with { Status = JobStatus.DryRun, ExitCode = 0, Message = "dry run: the change passed the checks" };
        }

        var push = onTop || remote.Tip is null ? "git.push" : "git.push.replace";
        try
        {
            job.Git.Push(target.Branch, replacing: onTop ? null : remote.Tip, cancellationToken);
        }
        catch (Exception ex)
        {
            job.Audit.Record(push, $"{target.Branch} {outcome.CommitSha}", $"failed: {ex.GetType().Name}");
            throw;
        }

        job.Audit.Record(push, $"{target.Branch} {outcome.CommitSha}", "ok");
        var body = PullRequestBody.Render(job, target, outcome, report, remote.ForeignCommits.Count);
        var pr = await job.Publisher.PublishAsync(target.Branch, job.BaseBranch, PullRequestBody.Title(target), body, cancellationToken);
        if (tracking is not null)
        {
            await tracking.SetAsync("~pr", "Pull request", StageState.Done, $"#{pr.Number.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            await tracking.FinishAsync(
                pr.Created ? "opened a pull request" : "updated the pull request",
                $"➡️ {pr.Url} ({(final is null ? "" : string.Create(CultureInfo.InvariantCulture, $"quality {final.Overall:0}/100, "))}{outcome.Attempts.Count} attempt(s))",
                cancellationToken);
        }

        return result with
        {
            Status = pr.Created ? JobStatus.Created : JobStatus.Updated,
            ExitCode = 0,
            PullRequest = pr,
            Message = $"{(pr.Created ? "opened" : "updated")} pull request #{pr.Number}: {pr.Url}",
        };
    }

    /// <summary>The two ways out when the model endpoint refuses the token, in one sentence.</summary>
    internal static string ModelAccessMessage(JobContext job, int status)
    {
        var provider = Core.Generation.ModelSelection.Resolve(job.Options.Model, job.Environment).Provider;
        return provider == Core.Configuration.ModelProvider.GithubModels
            ? $"GitHub Models refused the workflow's token ({status}): enable GitHub Models for the organisation and give the workflow `permissions: models: read`, or set the action's `model_provider` and `api_key` inputs to use another provider."
            : $"The model provider refused the API key ({status}): check the secret passed as the action's `api_key` input (and that it may use the model), or switch `model_provider` to `github-models` with `permissions: models: read`.";
    }

    private static string Describe(GenerationTarget target) =>
        $"{Core.Configuration.ConfigNames.EnumValue(target.Mode)}{(target.RequestedBy is null ? "" : $", requested by @{target.RequestedBy}")}, branch `{target.Branch}`";

    [LoggerMessage(Level = LogLevel.Information, Message = "Branch {Branch} has {Count} commit(s) a person pushed; working on top of them, without force")]
    private static partial void LogForeignCommits(ILogger logger, string branch, int count);
}
