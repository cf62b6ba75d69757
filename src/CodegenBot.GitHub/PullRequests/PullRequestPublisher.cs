using CodegenBot.Core.Configuration;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CodegenBot.GitHub.PullRequests;

/// <summary>A pull request the bot opened or updated.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Url">Its page.</param>
/// <param name="Created">Whether this run opened it (false: an open one was updated).</param>
public sealed record PublishedPullRequest(int Number, string Url, bool Created);

/// <summary>
/// Opens the pull request for a branch, or updates the open one: one branch, one pull request, never a
/// duplicate (a create that races another run and gets "already exists" updates the winner's). Labels and
/// reviewers from <c>github.*</c> are set when it is opened.
/// </summary>
internal sealed partial class PullRequestPublisher(IGitHubClient client, GitHubRepository repository, GitHubOptions options, ILogger logger)
{
    /// <summary>The open pull request whose head is <paramref name="branch"/> in this repository, or null.</summary>
    public async Task<PullRequest?> FindOpenAsync(string branch, CancellationToken cancellationToken)
    {
        var open = await client.PullRequest.GetAllForRepository(repository.Owner, repository.Name,
            new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{repository.Owner}:{branch}" });
        cancellationToken.ThrowIfCancellationRequested();
        return open.FirstOrDefault(p => p.Head?.Ref == branch);
    }

    public async Task<PublishedPullRequest> PublishAsync(string branch, string baseBranch, string title, string body, CancellationToken cancellationToken)
    {
        if (await FindOpenAsync(branch, cancellationToken) is { } existing)
        {
            return await UpdateAsync(existing.Number, title, body);
        }

        PullRequest created;
        try
        {
            created = await client.PullRequest.Create(repository.Owner, repository.Name,
                new NewPullRequest(title, branch, baseBranch) { Body = body, Draft = options.Draft, MaintainerCanModify = true });
        }
        catch (ApiValidationException)
        {
            // Another run opened it between the lookup and the create: update that one.
            var raced = await FindOpenAsync(branch, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return await UpdateAsync(raced.Number, title, body);
        }

        LogOpened(logger, created.Number, branch);
        if (options.Labels.Count > 0)
        {
            await client.Issue.Labels.AddToIssue(repository.Owner, repository.Name, created.Number, [.. options.Labels]);
        }

        if (options.Reviewers.Count > 0 || options.TeamReviewers.Count > 0)
        {
            try
            {
                await client.PullRequest.ReviewRequest.Create(repository.Owner, repository.Name, created.Number,
                    new PullRequestReviewRequest(options.Reviewers.ToList(), options.TeamReviewers.ToList()));
            }
            catch (ApiValidationException ex)
            {
                // A reviewer who is not a collaborator (or the PR's author) is refused; the pull request stands.
                LogReviewersRefused(logger, created.Number, ex.Message);
            }
        }

        return new PublishedPullRequest(created.Number, created.HtmlUrl, true);
    }

    private async Task<PublishedPullRequest> UpdateAsync(int number, string title, string body)
    {
        var updated = await client.PullRequest.Update(repository.Owner, repository.Name, number, new PullRequestUpdate { Title = title, Body = body });
        LogUpdated(logger, number);
        return new PublishedPullRequest(number, updated.HtmlUrl, false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened pull request #{Number} from {Branch}")]
    private static partial void LogOpened(ILogger logger, int number, string branch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated pull request #{Number}")]
    private static partial void LogUpdated(ILogger logger, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pull request #{Number}: GitHub refused the reviewers ({Reason})")]
    private static partial void LogReviewersRefused(ILogger logger, int number, string reason);
}
