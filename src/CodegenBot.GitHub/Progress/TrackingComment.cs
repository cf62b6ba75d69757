using CodegenBot.Core.Generation;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CodegenBot.GitHub.Progress;

/// <summary>The state of one line of the tracking comment's checklist.</summary>
public enum StageState
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>Under way.</summary>
    Running,

    /// <summary>Finished well.</summary>
    Done,

    /// <summary>Finished badly.</summary>
    Failed,

    /// <summary>Not needed.</summary>
    Skipped,
}

/// <summary>
/// The one comment a job keeps on its issue or pull request: created at the start (or, on a re-run, the earlier
/// one found by its hidden marker and reused), edited as stages end, and closed with the pull request link or
/// the reason the bot gave up. A failure to edit it is logged and never fails the job.
/// </summary>
internal sealed partial class TrackingComment(
    IGitHubClient client,
    GitHubRepository repository,
    int number,
    TemplateRenderer templates,
    string? runUrl,
    ILogger logger)
{
    /// <summary>Hidden marker that identifies the bot's tracking comment.</summary>
    public const string Marker = "<!-- codegen:tracking -->";

    private readonly List<(string Key, string Name, StageState State, string Detail)> _stages = [];
    private long? _id;
    private string _headline = "is working on it";
    private string _result = "";
    private string _request = "";

    /// <summary>The comment's id once created.</summary>
    public long? Id => _id;

    /// <summary>Finds the earlier tracking comment or creates one, listing <paramref name="stages"/> as pending.</summary>
    public async Task StartAsync(string request, IEnumerable<(string Key, string Name)> stages, CancellationToken cancellationToken)
    {
        _request = request;
        _stages.Clear();
        _stages.AddRange(stages.Select(s => (s.Key, s.Name, StageState.Pending, "")));
        try
        {
            var comments = await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, number);
            cancellationToken.ThrowIfCancellationRequested();
            _id = comments.LastOrDefault(c => c.User?.Type == AccountType.Bot && c.Body?.StartsWith(Marker, StringComparison.Ordinal) == true)?.Id;
            if (_id is null)
            {
                _id = (await client.Issue.Comment.Create(repository.Owner, repository.Name, number, Render())).Id;
            }
            else
            {
                await client.Issue.Comment.Update(repository.Owner, repository.Name, _id.Value, Render());
            }
        }
        catch (ApiException ex)
        {
            LogCommentFailed(logger, number, ex.Message, ex);
        }
    }

    /// <summary>Sets a stage (adding it after the others when new) and edits the comment.</summary>
    public Task SetAsync(string key, string name, StageState state, string detail, CancellationToken cancellationToken)
    {
        var index = _stages.FindIndex(s => s.Key == key);
        if (index < 0)
        {
            var before = _stages.FindIndex(s => s.State == StageState.Pending && s.Key.StartsWith('~'));
            _stages.Insert(before < 0 ? _stages.Count : before, (key, name, state, detail));
        }
        else
        {
            _stages[index] = (key, name, state, detail);
        }

        return EditAsync(cancellationToken);
    }

    /// <summary>Ends the comment with a headline and the result (the pull request link or why the bot stopped).</summary>
    public Task FinishAsync(string headline, string result, CancellationToken cancellationToken)
    {
        _headline = headline;
        _result = result;
        for (var i = 0; i < _stages.Count; i++)
        {
            if (_stages[i].State is StageState.Pending or StageState.Running)
            {
                _stages[i] = _stages[i] with { State = StageState.Skipped };
            }
        }

        return EditAsync(cancellationToken);
    }

    private async Task EditAsync(CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_id is { } id)
            {
                await client.Issue.Comment.Update(repository.Owner, repository.Name, id, Render());
            }
        }
        catch (ApiException ex)
        {
            LogCommentFailed(logger, number, ex.Message, ex);
        }
    }

    internal string Render() => templates.Render("github/tracking-comment.md.liquid", new Dictionary<string, object?>
    {
        ["marker"] = Marker,
        ["headline"] = _headline,
        ["result"] = _result,
        ["run_url"] = runUrl ?? "",
        ["request"] = _request,
        ["stages"] = _stages.Select(s => new Dictionary<string, object?>
        {
            ["name"] = s.Name,
            ["detail"] = s.Detail,
            ["done"] = s.State is StageState.Done or StageState.Skipped,
            ["icon"] = s.State switch
            {
                StageState.Running => "⏳",
                StageState.Done => "✅",
                StageState.Failed => "❌",
                StageState.Skipped => "➖",
                _ => "⬜",
            },
        }).ToList<object>(),
    }).TrimEnd() + "\n";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the tracking comment on #{Number}: {Reason}")]
    private static partial void LogCommentFailed(ILogger logger, int number, string reason, Exception exception);
}
