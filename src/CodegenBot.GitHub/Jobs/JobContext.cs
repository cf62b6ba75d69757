using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.GitHub.Actions;
using CodegenBot.GitHub.Events;
using CodegenBot.GitHub.Git;
using CodegenBot.GitHub.Progress;
using CodegenBot.GitHub.PullRequests;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CodegenBot.GitHub.Jobs;

/// <summary>Everything a job works with: the event, the client, the checkout, the configuration read from the base.</summary>
internal sealed class JobContext
{
    public required Trigger Trigger { get; init; }

    public required IGitHubClient Client { get; init; }

    public required ActionEnvironment Action { get; init; }

    public required CodegenOptions Options { get; init; }

    /// <summary>The environment the engine sees (token and API key under their names).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    public required RemoteGit Git { get; init; }

    /// <summary>The branch pull requests go to, and its commit the work starts from.</summary>
    public required string BaseBranch { get; init; }

    public required string BaseSha { get; init; }

    /// <summary>The base branch's copy of the bot's configuration and templates.</summary>
    public required BaseConfiguration BaseConfig { get; init; }

    public required IServiceProvider Services { get; init; }

    /// <summary>The audit trail of the job's writes on GitHub (its task is set once the job knows it).</summary>
    public required Api.GitHubAuditTrail Audit { get; init; }

    /// <summary>Records the run in the store (a no-op journal when storage is off).</summary>
    public required Core.Storage.RunJournal Journal { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILoggerFactory Loggers { get; init; }

    public GitHubRepository Repository => Action.Repository;

    /// <summary>
    /// The store's task for work on <paramref name="branch"/> — the issue it was made for (<c>owner/name#12</c>), else
    /// the branch (<c>owner/name:codegen/task-...</c>), so a generation, its revisions and its pull request's
    /// outcome are one task — and, from now on, the task the job's audit entries are attributed to.
    /// </summary>
    public Core.Storage.TaskIdentity AttributeTask(Events.PullRequestOrigin origin, string branch, string? requestedBy)
    {
        var identity = new Core.Storage.TaskIdentity(
            origin.Issue is { } issue ? $"{Repository}#{issue.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"{Repository}:{branch}",
            Repository.ToString(),
            requestedBy ?? Trigger.Actor?.Login ?? "");
        Audit.TaskId = identity.TaskId;
        return identity;
    }

    public string Workspace => Action.Workspace;

    /// <summary>Templates: the shipped ones, overridden by the base branch's.</summary>
    public TemplateRenderer Templates => new(BaseConfig.Root);

    public PullRequestPublisher Publisher => new(Client, Repository, Options.Github, Loggers.CreateLogger<PullRequestPublisher>());

    public TrackingComment Tracking(int number) =>
        new(Client, Repository, number, Templates, Action.RunUrl, Loggers.CreateLogger<TrackingComment>());

    /// <summary>Links to a file at a commit.</summary>
    public string BlobBaseUrl(string sha) => $"{Action.ServerUrl.AbsoluteUri.TrimEnd('/')}/{Repository}/blob/{sha}";

    /// <summary>Posts a comment on the trigger's issue or pull request (when it has one).</summary>
    public async Task ReplyAsync(string body, CancellationToken cancellationToken)
    {
        if (Trigger.Number is { } number)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Client.Issue.Comment.Create(Repository.Owner, Repository.Name, number, body);
        }
    }
}
