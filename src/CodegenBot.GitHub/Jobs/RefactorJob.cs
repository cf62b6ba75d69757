using System.Globalization;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Workspace;
using CodegenBot.GitHub.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Logging;

namespace CodegenBot.GitHub.Jobs;

/// <summary>
/// A scheduled refactoring run: assess the base branch, take the lowest-scoring files under
/// <c>github.refactoring.max_score</c> as hotspots, and open one pull request per hotspot, up to
/// <c>max_pull_requests</c>, skipping a hotspot whose pull request is still open.
/// </summary>
internal static partial class RefactorJob
{
    /// <summary>Findings of a hotspot quoted in its task.</summary>
    private const int MaxFindingsInTask = 15;

    public static async Task<JobResult> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var settings = job.Options.Github.Refactoring;
        var logger = job.Loggers.CreateLogger(typeof(RefactorJob).FullName!);
        if (settings.MaxPullRequests == 0)
        {
            return new JobResult(JobStatus.Ignored, 0) { Message = "github.refactoring.max_pull_requests is 0" };
        }

        var assessment = await AssessBaseAsync(job, cancellationToken);
        var hotspots = assessment.FileScores
            .Where(f => f.Overall < settings.MaxScore)
            .OrderBy(f => f.Overall).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var results = new List<JobResult>();
        foreach (var hotspot in hotspots)
        {
            if (results.Count(r => r.PullRequest is not null) >= settings.MaxPullRequests)
            {
                break;
            }

            var branch = $"{job.Options.Git.BranchPrefix}refactor-{BranchNames.Slug(hotspot.Path)}";
            if (await job.Publisher.FindOpenAsync(branch, cancellationToken) is { } open)
            {
                LogSkipped(logger, hotspot.Path, open.Number);
                continue;
            }

            var task = job.Templates.Render("github/refactor-task.md.liquid", new Dictionary<string, object?>
            {
                ["path"] = Core.Security.UntrustedText.SanitizeInline(hotspot.Path),
                ["score"] = Math.Round(hotspot.Overall).ToString(CultureInfo.InvariantCulture),
                ["findings"] = assessment.Findings.Where(f => f.File == hotspot.Path).Take(MaxFindingsInTask).Select(f => new Dictionary<string, object?>
                {
                    ["line"] = f.Line,
                    ["rule"] = f.RuleId,
                    ["message"] = f.Message,
                    ["hint"] = f.FixHint,
                }).ToList<object>(),
            });
            var result = await GenerateJob.RunAsync(job, new GenerationTarget
            {
                Origin = new PullRequestOrigin(null, settings.Mode, task, hotspot.Path),
                Title = $"Refactor {hotspot.Path}",
                Task = task,
                Branch = branch,
            }, cancellationToken);
            results.Add(result);
        }

        if (results.Count == 0)
        {
            return new JobResult(JobStatus.NoChange, 0)
            {
                Message = hotspots.Count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"no file scores below {settings.MaxScore:0} (github.refactoring.max_score)")
                    : "every hotspot already has an open pull request",
            };
        }

        var first = results.FirstOrDefault(r => r.PullRequest is not null) ?? results[0];
        return first with
        {
            Tokens = results.Sum(r => r.Tokens),
            Cost = results.Any(r => r.Cost is not null) ? results.Sum(r => r.Cost ?? 0) : null,
            Summary = string.Join("\n\n---\n\n", results.Select(r => r.Summary)),
            Message = string.Join("; ", results.Select(r => r.Message)),
        };
    }

    private static async Task<QualityAssessment> AssessBaseAsync(JobContext job, CancellationToken cancellationToken)
    {
        using var workspace = GitWorkspace.Open(job.Workspace);
        using var tree = workspace.CreateWorkTree($"codegen-assess/base-{Guid.NewGuid():N}"[..36], job.BaseSha, replace: true);
        try
        {
            var scope = AssessmentScope.Resolve(tree.Path, tree.Path, null, job.Options.Context);
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(job.Options.Github.Refactoring.Paths);
            var paths = scope.Paths.Where(p => matcher.Match(p).HasMatches).ToList();
            var assessor = job.Services.GetRequiredService<QualityAssessorFactory>().Create(job.Options);
            return await assessor.AssessAsync(scope.Root, paths, scope.BaseContent, cancellationToken: cancellationToken);
        }
        finally
        {
            tree.DeleteBranch();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotspot {Path} skipped: its pull request #{Number} is still open")]
    private static partial void LogSkipped(ILogger logger, string path, int number);
}
