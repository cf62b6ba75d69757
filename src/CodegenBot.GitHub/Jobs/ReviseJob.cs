using System.Globalization;
using CodegenBot.Core.Feedback;
using CodegenBot.Core;
using CodegenBot.Core.Requests;
using CodegenBot.GitHub.Events;
using LibGit2Sharp;
using Octokit;

namespace CodegenBot.GitHub.Jobs;

/// <summary>
/// <c>/codegen revise</c> on the bot's pull request: the review comments made since the bot's last commit (and
/// the command's instructions) become the task; the new commit goes on top of the branch, never replacing it.
/// </summary>
internal static class ReviseJob
{
    public static async Task<JobResult> RunAsync(JobContext job, Octokit.PullRequest pr, CancellationToken cancellationToken)
    {
        var (owner, name) = (job.Repository.Owner, job.Repository.Name);
        var tip = job.Git.FetchBranch(pr.Head.Ref, cancellationToken)
            ?? throw new UserErrorException($"The branch '{pr.Head.Ref}' of #{pr.Number} is gone; re-run the request with `/codegen retry` on its issue.");
        var since = LastBotCommit(job, tip);
        var comments = await ReviewCommentsAsync(job, pr.Number, cancellationToken);
        var reviews = await job.Client.PullRequest.Review.GetAll(owner, name, pr.Number);
        cancellationToken.ThrowIfCancellationRequested();

        var newComments = comments.Where(c => !c.IsBot && (since is null || c.CreatedAt >= since)).ToList();
        var newReviews = reviews
            .Where(r => !IsBot(r.User) && !string.IsNullOrWhiteSpace(r.Body) && (since is null || r.SubmittedAt >= since)
                && r.State.Value is PullRequestReviewState.ChangesRequested or PullRequestReviewState.Commented)
            .ToList();
        var open = newComments.Select(c => Comment(c.Path, c.Line, c.Author, c.Body))
            .Concat(newReviews.Select(r => Comment("", null, r.User.Login, r.Body)))
            .ToList<object>();
        var instructions = job.Trigger.Instructions.Trim();
        // Recorded (and so able to become a lesson) only from people who may trigger the bot.
        var access = new Access.AccessCheck(job.Client, job.Repository, job.Options.Security);
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var author in newComments.Select(c => c.Author).Concat(newReviews.Select(r => r.User.Login)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if ((await access.CheckAsync(new Actor(author, false), cancellationToken)).Allowed)
            {
                allowed.Add(author);
            }
        }

        var userFeedback = newComments.Where(c => allowed.Contains(c.Author)).Select(c => FeedbackNormalizer.FromReview(c.Body, c.Path, c.Line))
            .Concat(newReviews.Where(r => allowed.Contains(r.User.Login)).Select(r => FeedbackNormalizer.FromReview(r.Body, null, null)))
            .Concat(instructions.Length > 0 ? [FeedbackNormalizer.FromInstructions(instructions)] : [])
            .ToList();
        if (open.Count == 0 && instructions.Length == 0)
        {
            const string Nothing = "There are no review comments newer than CodegenBot's last commit on this pull request. Add review comments, or say what to change: `/codegen revise <instructions>`.";
            await job.ReplyAsync(Nothing, cancellationToken);
            return new JobResult(JobStatus.NoChange, 0) { Message = Nothing };
        }

        var origin = ControlBlock.Origin(pr.Body) ?? new PullRequestOrigin(null, GenerationMode.Feature, pr.Title);
        var original = origin.Issue is { } issue
            ? (await job.Client.Issue.Get(owner, name, issue)).Body ?? ""
            : origin.Task ?? pr.Title;
        var task = job.Templates.Render("github/revise-task.md.liquid", new Dictionary<string, object?>
        {
            ["original"] = original,
            ["comments"] = open,
            ["instructions"] = instructions,
            ["requested_by"] = job.Trigger.Actor?.Login ?? "",
        });

        return await GenerateJob.RunAsync(job, new GenerationTarget
        {
            Origin = origin,
            Title = pr.Title,
            Task = task,
            Branch = pr.Head.Ref,
            TrackingNumber = pr.Number,
            RequestedBy = job.Trigger.Actor?.Login,
            OnTopOfBranch = true,
            UserFeedback = userFeedback,
        }, cancellationToken);
    }

    private static Dictionary<string, object?> Comment(string path, int? line, string author, string body) => new()
    {
        ["path"] = Core.Security.UntrustedText.SanitizeInline(path),
        ["line"] = line?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["author"] = Core.Security.UntrustedText.SanitizeInline(author),
        ["body"] = body,
    };

    /// <summary>A review comment with the file line (Octokit's model has only the diff position).</summary>
    private sealed record ReviewComment(string Path, int? Line, string Author, bool IsBot, string Body, DateTimeOffset CreatedAt);

    private static async Task<List<ReviewComment>> ReviewCommentsAsync(JobContext job, int number, CancellationToken cancellationToken)
    {
        var uri = new Uri($"repos/{job.Repository.Owner}/{job.Repository.Name}/pulls/{number}/comments", UriKind.Relative);
        var shapes = await new ApiConnection(job.Client.Connection).GetAll<ReviewCommentShape>(uri, new ApiOptions { PageSize = 100 });
        cancellationToken.ThrowIfCancellationRequested();
        return shapes.Select(c => new ReviewComment(c.Path ?? "", c.Line ?? c.OriginalLine, c.User?.Login ?? "", IsBot(c.User), c.Body ?? "", c.CreatedAt)).ToList();
    }

    private static bool IsBot(Octokit.User? user) => user is null || user.Type == AccountType.Bot || user.Login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);

    /// <summary>When the bot last committed on the branch; review comments before it were addressed already.</summary>
    private static DateTimeOffset? LastBotCommit(JobContext job, string tip)
    {
        using var repository = new LibGit2Sharp.Repository(job.Workspace);
        return repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = job.BaseSha })
            .Where(c => string.Equals(c.Author.Email, job.Options.Git.AuthorEmail, StringComparison.OrdinalIgnoreCase))
            .Select(c => (DateTimeOffset?)c.Committer.When)
            .FirstOrDefault();
    }
}

/// <summary>The fields of a pull request review comment the bot reads, bound by Octokit's serializer (snake_case to PascalCase).</summary>
internal sealed class ReviewCommentShape
{
    public string? Path { get; set; }

    public int? Line { get; set; }

    public int? OriginalLine { get; set; }

    public string? Body { get; set; }

    public Octokit.User? User { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
