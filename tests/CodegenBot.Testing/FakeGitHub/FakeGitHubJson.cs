using System.Text.Json.Nodes;

namespace CodegenBot.Testing.FakeGitHub;

/// <summary>Response bodies in the shapes GitHub's REST API documents.</summary>
internal sealed class FakeGitHubJson(string owner, string name, Func<string, FakeUser> user, Func<string, string?> tip)
{
    private const string Web = "https://github.com";

    private string Api => $"https://api.github.com/repos/{owner}/{name}";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public JsonObject User(string login)
    {
        var u = user(login);
        return new JsonObject
        {
            ["login"] = u.Login,
            ["id"] = u.Id,
            ["node_id"] = "U_" + u.Id,
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{u.Id}?v=4",
            ["url"] = $"https://api.github.com/users/{u.Login}",
            ["html_url"] = $"{Web}/{u.Login}",
            ["type"] = u.Type,
            ["site_admin"] = false,
        };
    }

    public JsonObject Repository(string defaultBranch, string? fullName = null, bool fork = false)
    {
        fullName ??= $"{owner}/{name}";
        var repoOwner = fullName.Split('/')[0];
        return new JsonObject
        {
            ["id"] = fork ? 99 : 42,
            ["node_id"] = fork ? "R_99" : "R_42",
            ["name"] = fullName.Split('/')[1],
            ["full_name"] = fullName,
            ["owner"] = new JsonObject { ["login"] = repoOwner, ["id"] = 7, ["node_id"] = "O_7", ["type"] = "Organization", ["site_admin"] = false, ["url"] = $"https://api.github.com/users/{repoOwner}", ["html_url"] = $"{Web}/{repoOwner}" },
            ["private"] = false,
            ["html_url"] = $"{Web}/{fullName}",
            ["description"] = null,
            ["fork"] = fork,
            ["url"] = $"https://api.github.com/repos/{fullName}",
            ["clone_url"] = $"{Web}/{fullName}.git",
            ["git_url"] = $"git://github.com/{fullName}.git",
            ["ssh_url"] = $"git@github.com:{fullName}.git",
            ["default_branch"] = defaultBranch,
            ["visibility"] = "public",
            ["has_issues"] = true,
            ["archived"] = false,
            ["disabled"] = false,
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["updated_at"] = "2026-01-01T00:00:00Z",
            ["pushed_at"] = "2026-01-01T00:00:00Z",
            ["permissions"] = new JsonObject { ["admin"] = false, ["maintain"] = false, ["push"] = true, ["triage"] = true, ["pull"] = true },
        };
    }

    public JsonObject Label(string label) => new()
    {
        ["id"] = Math.Abs(label.GetHashCode(StringComparison.Ordinal)) % 100_000,
        ["node_id"] = "LA_" + label,
        ["url"] = $"{Api}/labels/{Uri.EscapeDataString(label)}",
        ["name"] = label,
        ["color"] = "ededed",
        ["default"] = false,
        ["description"] = null,
    };

    public JsonObject Issue(FakeIssue issue)
    {
        var json = new JsonObject
        {
            ["url"] = $"{Api}/issues/{issue.Number}",
            ["repository_url"] = Api,
            ["html_url"] = $"{Web}/{owner}/{name}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["id"] = 5000 + issue.Number,
            ["node_id"] = "I_" + issue.Number,
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["user"] = User(issue.Author),
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)Label(l))]),
            ["state"] = issue.State,
            ["locked"] = false,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["comments"] = 0,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = null,
            ["author_association"] = "MEMBER",
            ["body"] = issue.Body,
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject { ["url"] = $"{Api}/pulls/{issue.Number}", ["html_url"] = $"{Web}/{owner}/{name}/pull/{issue.Number}", ["diff_url"] = null, ["patch_url"] = null, ["merged_at"] = null };
        }

        return json;
    }

    public JsonObject Comment(FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = "IC_" + comment.Id,
        ["url"] = $"{Api}/issues/comments/{comment.Id}",
        ["html_url"] = $"{Web}/{owner}/{name}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{Api}/issues/{comment.IssueNumber}",
        ["body"] = comment.Body,
        ["user"] = User(comment.Author),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.UpdatedAt),
        ["author_association"] = "MEMBER",
    };

    public JsonObject Reaction(long id, string login, string content) => new()
    {
        ["id"] = id,
        ["node_id"] = "RE_" + id,
        ["user"] = User(login),
        ["content"] = content,
        ["created_at"] = "2026-01-01T00:00:00Z",
    };

    public JsonObject PullRequest(FakePullRequest pr, FakeIssue issue, string defaultBranch)
    {
        var headRepo = pr.FromFork ? $"forker/{name}" : $"{owner}/{name}";
        return new JsonObject
        {
            ["url"] = $"{Api}/pulls/{pr.Number}",
            ["id"] = 7000 + pr.Number,
            ["node_id"] = "PR_" + pr.Number,
            ["html_url"] = $"{Web}/{owner}/{name}/pull/{pr.Number}",
            ["diff_url"] = $"{Web}/{owner}/{name}/pull/{pr.Number}.diff",
            ["patch_url"] = $"{Web}/{owner}/{name}/pull/{pr.Number}.patch",
            ["issue_url"] = $"{Api}/issues/{pr.Number}",
            ["number"] = pr.Number,
            ["state"] = pr.State,
            ["locked"] = false,
            ["title"] = pr.Title,
            ["user"] = User(pr.Author),
            ["body"] = pr.Body,
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)Label(l))]),
            ["milestone"] = null,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = null,
            ["merged_at"] = null,
            ["merge_commit_sha"] = null,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["requested_reviewers"] = new JsonArray([.. pr.RequestedReviewers.Select(r => (JsonNode)User(r))]),
            ["requested_teams"] = new JsonArray(),
            ["head"] = Ref(pr.FromFork ? "forker" : owner, pr.Head, tip(pr.Head) ?? "", headRepo, pr.FromFork, defaultBranch),
            ["base"] = Ref(owner, pr.Base, tip(pr.Base) ?? "", $"{owner}/{name}", false, defaultBranch),
            ["author_association"] = "MEMBER",
            ["draft"] = pr.Draft,
            ["merged"] = false,
            ["mergeable"] = null,
            ["mergeable_state"] = "unknown",
            ["merged_by"] = null,
            ["comments"] = 0,
            ["review_comments"] = 0,
            ["maintainer_can_modify"] = true,
            ["commits"] = 1,
            ["additions"] = 0,
            ["deletions"] = 0,
            ["changed_files"] = 0,
        };
    }

    public JsonObject ReviewComment(FakeReviewComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = "PRRC_" + comment.Id,
        ["url"] = $"{Api}/pulls/comments/{comment.Id}",
        ["pull_request_review_id"] = comment.Id + 1_000,
        ["diff_hunk"] = "@@ -1,1 +1,1 @@",
        ["path"] = comment.Path,
        ["position"] = 1,
        ["original_position"] = 1,
        ["line"] = comment.Line,
        ["original_line"] = comment.Line,
        ["side"] = "RIGHT",
        ["commit_id"] = "",
        ["original_commit_id"] = "",
        ["in_reply_to_id"] = null,
        ["user"] = User(comment.Author),
        ["body"] = comment.Body,
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.CreatedAt),
        ["html_url"] = $"{Web}/{owner}/{name}/pull/{comment.PullRequest}#discussion_r{comment.Id}",
        ["pull_request_url"] = $"{Api}/pulls/{comment.PullRequest}",
        ["author_association"] = "MEMBER",
    };

    public JsonObject Review(FakeReview review) => new()
    {
        ["id"] = review.Id,
        ["node_id"] = "PRR_" + review.Id,
        ["user"] = User(review.Author),
        ["body"] = review.Body,
        ["state"] = review.State,
        ["html_url"] = $"{Web}/{owner}/{name}/pull/{review.PullRequest}#pullrequestreview-{review.Id}",
        ["pull_request_url"] = $"{Api}/pulls/{review.PullRequest}",
        ["submitted_at"] = Time(review.SubmittedAt),
        ["commit_id"] = "",
        ["author_association"] = "MEMBER",
    };

    public JsonObject CheckRun(FakeCheckRun run) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = "CR_" + run.Id,
        ["head_sha"] = run.HeadSha,
        ["name"] = run.Name,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["url"] = $"{Api}/check-runs/{run.Id}",
        ["html_url"] = $"{Web}/{owner}/{name}/runs/{run.Id}",
        ["output"] = new JsonObject { ["title"] = run.Title, ["summary"] = run.Summary, ["text"] = null, ["annotations_count"] = 0 },
    };

    private JsonObject Ref(string refOwner, string branch, string sha, string repoFullName, bool fork, string defaultBranch) => new()
    {
        ["label"] = $"{refOwner}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = new JsonObject { ["login"] = refOwner, ["id"] = 7, ["type"] = "Organization" },
        ["repo"] = Repository(defaultBranch, repoFullName, fork),
    };
}
