using System.Globalization;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Octokit;

namespace CodegenBot.GitHub.Jobs;

/// <summary>
/// <c>/codegen assess</c> and the assess action: the quality report of a pull request's changed files, posted as
/// one comment that later runs edit. Static analysis only: nothing from the pull request is built or run, so it
/// is safe on forks.
/// </summary>
internal static class AssessJob
{
    /// <summary>Hidden marker of the report comment.</summary>
    public const string Marker = "<!-- codegen:assess -->";

    public static async Task<JobResult> RunAsync(JobContext job, PullRequest? pr, CancellationToken cancellationToken)
    {
        if (pr is null)
        {
            const string NotPr = "`/codegen assess` reports on pull requests; comment it on one.";
            await job.ReplyAsync(NotPr, cancellationToken);
            return new JobResult(JobStatus.NoChange, 0) { Message = NotPr };
        }

        var head = job.Git.FetchPullRequestHead(pr.Number, cancellationToken)
            ?? throw new Core.UserErrorException($"The head of #{pr.Number} cannot be fetched (refs/pull/{pr.Number}/head); check out the repository with actions/checkout before the action.");
        using var workspace = GitWorkspace.Open(job.Workspace);
        using var tree = workspace.CreateWorkTree($"codegen-assess/{pr.Number.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..40], head, replace: true);
        QualityReport report;
        try
        {
            var mergeBase = MergeBase(job.Workspace, head, job.BaseSha);
            var scope = AssessmentScope.Resolve(tree.Path, tree.Path, mergeBase, job.Options.Context);
            var assessor = job.Services.GetRequiredService<QualityAssessorFactory>().Create(job.Options);
            var assessment = await assessor.AssessAsync(scope.Root, scope.Paths, scope.BaseContent, cancellationToken: cancellationToken);
            report = new QualityReport { Assessment = assessment, BaseRef = mergeBase[..7] };
        }
        finally
        {
            tree.DeleteBranch();
        }

        var markdown = new QualityMarkdown(job.Templates).Render(report, new QualityMarkdownOptions
        {
            Title = $"CodegenBot quality report for #{pr.Number.ToString(CultureInfo.InvariantCulture)} ({head[..7]})",
            BlobBaseUrl = job.BlobBaseUrl(head),
        });
        await UpsertCommentAsync(job, pr.Number, Marker + "\n" + markdown, cancellationToken);
        var passed = report.Passed;
        return new JobResult(JobStatus.Assessed, !passed && job.Action.FailBelowThreshold ? 1 : 0)
        {
            QualityScore = report.Assessment.Overall,
            Summary = markdown,
            Findings = report.Assessment.Findings,
            Message = string.Create(CultureInfo.InvariantCulture, $"#{pr.Number}: quality {report.Assessment.Overall:0}/100 ({(passed ? "passed" : "below the threshold")}), {report.Assessment.Findings.Count} finding(s)"),
        };
    }

    private static string MergeBase(string repositoryPath, string head, string baseSha)
    {
        using var repository = new LibGit2Sharp.Repository(repositoryPath);
        return repository.ObjectDatabase.FindMergeBase(LibGit2Sharp.RepositoryExtensions.Lookup<LibGit2Sharp.Commit>(repository, head), LibGit2Sharp.RepositoryExtensions.Lookup<LibGit2Sharp.Commit>(repository, baseSha))?.Sha ?? baseSha;
    }

    /// <summary>Edits the earlier report comment (found by its marker) or posts one.</summary>
    private static async Task UpsertCommentAsync(JobContext job, int number, string body, CancellationToken cancellationToken)
    {
        var (owner, name) = (job.Repository.Owner, job.Repository.Name);
        var comments = await job.Client.Issue.Comment.GetAllForIssue(owner, name, number);
        cancellationToken.ThrowIfCancellationRequested();
        var earlier = comments.LastOrDefault(c => c.User?.Type == AccountType.Bot && c.Body?.StartsWith(Marker, StringComparison.Ordinal) == true);
        if (earlier is null)
        {
            await job.Client.Issue.Comment.Create(owner, name, number, body);
        }
        else
        {
            await job.Client.Issue.Comment.Update(owner, name, earlier.Id, body);
        }
    }
}
