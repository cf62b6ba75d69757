using CodegenBot.Core.Configuration;
using CodegenBot.Core.Pipeline;
using CodegenBot.GitHub.Events;
using CodegenBot.GitHub.Jobs;

namespace CodegenBot.GitHub.PullRequests;

/// <summary>The title and body of a bot pull request, from <c>templates/github/pull-request.md.liquid</c>.</summary>
internal static class PullRequestBody
{
    /// <summary>GitHub's limit on a pull request body; the report is shortened to stay under it.</summary>
    public const int MaxBodyLength = 65_000;

    /// <summary>The title: the issue's, on one line with invisible and bidirectional characters made visible.</summary>
    public static string Title(GenerationTarget target)
    {
        var title = Core.Security.UntrustedText.SanitizeInline(target.Title);
        return title.Length <= 120 ? title : title[..117] + "...";
    }

    public static string Render(JobContext job, GenerationTarget target, GenerationOutcome outcome, string report, int foreignCommits)
    {
        var changes = outcome.Changes;
        var control = ControlBlock.Render(target.Origin, job.Options.Github.StopLabel);
        var budget = MaxBodyLength - control.Length - 2_000;
        if (report.Length > budget)
        {
            report = report[..budget] + "\n\n… (report shortened to fit GitHub's limit; the job summary has it in full)\n";
        }

        return job.Templates.Render("github/pull-request.md.liquid", new Dictionary<string, object?>
        {
            ["issue"] = target.Origin.Issue,
            ["mode"] = ConfigNames.EnumValue(target.Mode),
            ["title"] = target.Title,
            ["requested_by"] = target.RequestedBy ?? "",
            ["files"] = changes?.ChangedPaths.ToList<object>() ?? [],
            ["added"] = changes?.LinesAdded ?? 0,
            ["removed"] = changes?.LinesDeleted ?? 0,
            ["foreign_commits"] = foreignCommits,
            ["report"] = report,
            ["control_block"] = control,
        });
    }
}
