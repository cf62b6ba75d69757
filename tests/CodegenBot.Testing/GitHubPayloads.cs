using System.Text.Json.Nodes;

namespace CodegenBot.Testing;

/// <summary>
/// Webhook payloads in the shape GitHub documents for each event (the fields GitHub sends, not only those the bot
/// reads), for the repository <c>octo-org/hello-world</c>.
/// </summary>
public static class GitHubPayloads
{
    public const string Owner = "octo-org";
    public const string Name = "hello-world";
    private const string Api = "https://api.github.com/repos/octo-org/hello-world";
    private const string Created = "2026-11-24T09:00:00Z";

    public static JsonObject User(string login, string type = "User", long id = 1001) => new()
    {
        ["login"] = login,
        ["id"] = id,
        ["node_id"] = "U_" + login,
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
        ["url"] = $"https://api.github.com/users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["type"] = type,
        ["site_admin"] = false,
    };

    public static JsonObject Repository(string fullName = Owner + "/" + Name, bool fork = false) => new()
    {
        ["id"] = fork ? 99 : 42,
        ["node_id"] = "R_42",
        ["name"] = fullName.Split('/')[1],
        ["full_name"] = fullName,
        ["private"] = false,
        ["owner"] = User(fullName.Split('/')[0], "Organization", 7),
        ["html_url"] = $"https://github.com/{fullName}",
        ["fork"] = fork,
        ["url"] = $"https://api.github.com/repos/{fullName}",
        ["default_branch"] = "main",
        ["visibility"] = "public",
    };

    public static JsonObject Label(string name) => new() { ["id"] = name.Length, ["node_id"] = "LA_" + name, ["url"] = $"{Api}/labels/{name}", ["name"] = name, ["color"] = "ededed", ["default"] = false, ["description"] = null };

    public static JsonObject Issue(int number, string title, string body, string author, IEnumerable<string> labels, bool pullRequest = false)
    {
        var issue = new JsonObject
        {
            ["url"] = $"{Api}/issues/{number}",
            ["repository_url"] = Api,
            ["html_url"] = $"https://github.com/{Owner}/{Name}/issues/{number}",
            ["id"] = 5000 + number,
            ["node_id"] = $"I_{number}",
            ["number"] = number,
            ["title"] = title,
            ["user"] = User(author),
            ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)Label(l))]),
            ["state"] = "open",
            ["locked"] = false,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["comments"] = 0,
            ["created_at"] = Created,
            ["updated_at"] = Created,
            ["closed_at"] = null,
            ["author_association"] = "MEMBER",
            ["body"] = body,
        };
        if (pullRequest)
        {
            issue["pull_request"] = new JsonObject { ["url"] = $"{Api}/pulls/{number}", ["html_url"] = $"https://github.com/{Owner}/{Name}/pull/{number}", ["merged_at"] = null };
        }

        return issue;
    }

    public static JsonObject IssueLabeled(JsonObject issue, string label, string sender) => new()
    {
        ["action"] = "labeled",
        ["issue"] = issue,
        ["label"] = Label(label),
        ["repository"] = Repository(),
        ["sender"] = User(sender),
    };

    public static JsonObject IssueComment(JsonObject issue, long commentId, string body, string author, string authorType = "User") => new()
    {
        ["action"] = "created",
        ["issue"] = issue,
        ["comment"] = new JsonObject
        {
            ["url"] = $"{Api}/issues/comments/{commentId}",
            ["html_url"] = $"https://github.com/{Owner}/{Name}/issues/{issue["number"]}#issuecomment-{commentId}",
            ["issue_url"] = $"{Api}/issues/{issue["number"]}",
            ["id"] = commentId,
            ["node_id"] = $"IC_{commentId}",
            ["user"] = User(author, authorType),
            ["created_at"] = Created,
            ["updated_at"] = Created,
            ["author_association"] = "MEMBER",
            ["body"] = body,
        },
        ["repository"] = Repository(),
        ["sender"] = User(author, authorType),
    };

    public static JsonObject PullRequest(int number, string title, string body, string headRef, string headSha, string author, bool fork = false) => new()
    {
        ["url"] = $"{Api}/pulls/{number}",
        ["id"] = 7000 + number,
        ["node_id"] = $"PR_{number}",
        ["html_url"] = $"https://github.com/{Owner}/{Name}/pull/{number}",
        ["number"] = number,
        ["state"] = "open",
        ["locked"] = false,
        ["title"] = title,
        ["user"] = User(author),
        ["body"] = body,
        ["labels"] = new JsonArray(),
        ["draft"] = false,
        ["head"] = new JsonObject { ["label"] = $"{(fork ? "forker" : Owner)}:{headRef}", ["ref"] = headRef, ["sha"] = headSha, ["user"] = User(fork ? "forker" : Owner), ["repo"] = Repository(fork ? "forker/" + Name : Owner + "/" + Name, fork) },
        ["base"] = new JsonObject { ["label"] = $"{Owner}:main", ["ref"] = "main", ["sha"] = "0000000000000000000000000000000000000000", ["user"] = User(Owner, "Organization", 7), ["repo"] = Repository() },
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["author_association"] = "MEMBER",
    };

    public static JsonObject PullRequestEvent(string action, JsonObject pullRequest, string sender, JsonObject? changes = null)
    {
        var payload = new JsonObject { ["action"] = action, ["number"] = pullRequest["number"]!.GetValue<int>(), ["pull_request"] = pullRequest, ["repository"] = Repository(), ["sender"] = User(sender) };
        if (changes is not null)
        {
            payload["changes"] = changes;
        }

        return payload;
    }

    public static JsonObject Schedule() => new() { ["schedule"] = "0 3 * * *", ["repository"] = Repository(), ["workflow"] = ".github/workflows/nightly-refactoring.yml" };

    public static JsonObject WorkflowDispatch(string sender, JsonObject inputs) => new() { ["inputs"] = inputs, ["ref"] = "refs/heads/main", ["repository"] = Repository(), ["sender"] = User(sender), ["workflow"] = ".github/workflows/codegen.yml" };
}
