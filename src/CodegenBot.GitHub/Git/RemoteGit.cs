using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using LibGit2Sharp;
using LibGit2Sharp.Handlers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CodegenBot.GitHub.Git;

/// <summary>What the remote has on the bot's branch.</summary>
/// <param name="Tip">The branch's commit on the remote, or null when the remote has no such branch.</param>
/// <param name="ForeignCommits">Commits on the branch since the base that the bot did not make (a person pushed them), newest first.</param>
public sealed record RemoteBranchState(string? Tip, IReadOnlyList<string> ForeignCommits)
{
    /// <summary>Whether a person has pushed to the branch.</summary>
    public bool HasForeignCommits => ForeignCommits.Count > 0;
}

/// <summary>
/// Fetch and push against the checkout's <c>origin</c> (GitHub over HTTPS with the token as the password, never
/// in a URL or a log; a path on disk in tests). The one place git talks to the network: every call is retried
/// on transport errors. The bot pushes with force only to replace its own commits, and only when the remote
/// branch still is what it fetched.
/// </summary>
internal sealed partial class RemoteGit(string repositoryPath, string token, GitOptions git, ILogger logger)
{
    private const string Remote = "origin";

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<LibGit2SharpException>(ex => ex is not NonFastForwardException),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    /// <summary>Fetches a branch of origin; returns its commit, or null when origin has no such branch.</summary>
    public string? FetchBranch(string branch, CancellationToken cancellationToken) =>
        FetchRef($"refs/heads/{branch}", $"refs/remotes/{Remote}/{branch}", cancellationToken);

    /// <summary>Fetches a pull request's head (<c>refs/pull/N/head</c>, which exists for forks too); returns its commit.</summary>
    public string? FetchPullRequestHead(int number, CancellationToken cancellationToken) =>
        FetchRef($"refs/pull/{number}/head", $"refs/remotes/{Remote}/pull/{number}", cancellationToken);

    /// <summary>The first branch of origin whose name starts with <paramref name="prefix"/> (the bot's branch of an issue whose title changed), or null.</summary>
    public string? FindBranch(string prefix) =>
        Retry.Execute(() =>
        {
            using var repository = new Repository(repositoryPath);
            var remote = repository.Network.Remotes[Remote];
            return remote is null
                ? null
                : repository.Network.ListReferences(remote, Credentials)
                    .Select(r => r.CanonicalName)
                    .Where(n => n.StartsWith("refs/heads/" + prefix, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(n => n["refs/heads/".Length..])
                    .FirstOrDefault();
        });

    /// <summary>The remote state of the bot's branch: its tip, and the commits on it the bot did not make.</summary>
    public RemoteBranchState BranchState(string branch, string baseSha, CancellationToken cancellationToken)
    {
        var tip = FetchBranch(branch, cancellationToken);
        if (tip is null)
        {
            return new RemoteBranchState(null, []);
        }

        using var repository = new Repository(repositoryPath);
        var foreign = repository.Commits
            .QueryBy(new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = baseSha, SortBy = CommitSortStrategies.Topological })
            .Where(c => !IsBots(c))
            .Select(c => c.Sha)
            .ToList();
        return new RemoteBranchState(tip, foreign);
    }

    /// <summary>
    /// Pushes the local branch to origin. Without <paramref name="replacing"/> the push must fast-forward; with
    /// it, the remote branch is replaced, after checking it still points at <paramref name="replacing"/>.
    /// </summary>
    public void Push(string branch, string? replacing, CancellationToken cancellationToken)
    {
        if (replacing is not null && FetchBranch(branch, cancellationToken) is { } current && current != replacing)
        {
            throw new UserErrorException($"The branch '{branch}' changed on GitHub while the bot worked (now at {current[..7]}); run the command again to build on the new commits.");
        }

        var refspec = $"{(replacing is null ? "" : "+")}refs/heads/{branch}:refs/heads/{branch}";
        string? failure = null;
        Retry.Execute(
            token =>
            {
                using var repository = new Repository(repositoryPath);
                repository.Network.Push(repository.Network.Remotes[Remote], refspec, new PushOptions
                {
                    CredentialsProvider = Credentials,
                    OnPushStatusError = error => failure = $"{error.Reference}: {error.Message}",
                });
            },
            cancellationToken);
        if (failure is not null)
        {
            throw new UserErrorException($"GitHub refused the push of '{branch}' ({failure}); check that the token may write to the repository (contents: write) and that no branch protection rule covers '{git.BranchPrefix}*'.");
        }

        LogPushed(logger, branch, replacing is null ? "fast-forward" : "replacing the bot's earlier commits");
    }

    /// <summary>Whether the bot made the commit: its identity and its trailer.</summary>
    private bool IsBots(Commit commit) =>
        string.Equals(commit.Author.Email, git.AuthorEmail, StringComparison.OrdinalIgnoreCase)
        && commit.Message.Contains(Core.Pipeline.GenerationPipeline.GeneratedByTrailer, StringComparison.Ordinal);

    private string? FetchRef(string source, string destination, CancellationToken cancellationToken) =>
        Retry.Execute(
            token =>
            {
                using var repository = new Repository(repositoryPath);
                var remote = repository.Network.Remotes[Remote]
                    ?? throw new UserErrorException($"The checkout at '{repositoryPath}' has no '{Remote}' remote; check it out with actions/checkout so the bot can push its branch.");
                var exists = repository.Network.ListReferences(remote, Credentials).Any(r => r.CanonicalName == source);
                if (!exists)
                {
                    return null;
                }

                Commands.Fetch(repository, Remote, [$"+{source}:{destination}"], new FetchOptions { CredentialsProvider = Credentials, TagFetchMode = TagFetchMode.None }, null);
                return repository.Refs[destination]?.ResolveToDirectReference()?.TargetIdentifier;
            },
            cancellationToken);

    private CredentialsHandler Credentials => (_, _, _) => new UsernamePasswordCredentials { Username = "x-access-token", Password = token };

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Pushed {Branch} ({How})")]
    private static partial void LogPushed(ILogger logger, string branch, string how);
}
