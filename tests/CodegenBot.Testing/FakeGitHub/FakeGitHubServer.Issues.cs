using System.Globalization;
using System.Text.Json.Nodes;

namespace CodegenBot.Testing.FakeGitHub;

/// <summary>Issues, comments, labels and reactions.</summary>
public sealed partial class FakeGitHubServer
{
    private static readonly HashSet<string> ReactionContents = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

    private void MapIssues()
    {
        Map("GET", @"/~/issues/(\d+)", (m, _, _) => Issue(m) is { } issue ? (200, _json.Issue(issue)) : Missing());
        Map("PATCH", @"/~/issues/(\d+)", (m, _, body) =>
        {
            if (Issue(m) is not { } issue)
            {
                return Missing();
            }

            issue.Title = body?["title"]?.GetValue<string>() ?? issue.Title;
            issue.Body = body?["body"]?.GetValue<string>() ?? issue.Body;
            issue.State = body?["state"]?.GetValue<string>() ?? issue.State;
            if (body?["labels"] is JsonArray labels)
            {
                issue.Labels.Clear();
                issue.Labels.AddRange(labels.Select(l => l!.GetValue<string>()));
            }

            issue.UpdatedAt = _time.GetUtcNow();
            return (200, _json.Issue(issue));
        });

        Map("GET", @"/~/issues/(\d+)/labels", (m, _, _) => Issue(m) is { } issue ? (200, Labels(issue)) : Missing(), paged: true);
        Map("POST", @"/~/issues/(\d+)/labels", (m, _, body) =>
        {
            if (Issue(m) is not { } issue)
            {
                return Missing();
            }

            var names = (body as JsonArray ?? body?["labels"] as JsonArray ?? []).Select(l => l!.GetValue<string>());
            issue.Labels.AddRange(names.Where(n => !issue.Labels.Contains(n)).ToList());
            return (200, Labels(issue));
        });
        Map("DELETE", @"/~/issues/(\d+)/labels/([^/]+)", (m, _, _) =>
        {
            if (Issue(m) is not { } issue || !issue.Labels.Remove(Uri.UnescapeDataString(m.Groups[2].Value)))
            {
                return Missing();
            }

            return (200, Labels(issue));
        });

        Map("GET", @"/~/issues/(\d+)/comments", (m, _, _) => Issue(m) is { } issue
            ? (200, new JsonArray([.. _comments.Where(c => c.IssueNumber == issue.Number).Select(c => (JsonNode)_json.Comment(c))]))
            : Missing(), paged: true);
        Map("POST", @"/~/issues/(\d+)/comments", (m, _, body) =>
        {
            if (Issue(m) is not { } issue)
            {
                return Missing();
            }

            if (body?["body"]?.GetValue<string>() is not { Length: > 0 } text)
            {
                return Invalid("body is missing");
            }

            var now = _time.GetUtcNow();
            var comment = new FakeComment { Id = ++_nextId, IssueNumber = issue.Number, Author = BotLogin, AuthorType = "Bot", Body = text, CreatedAt = now, UpdatedAt = now };
            _comments.Add(comment);
            return (201, _json.Comment(comment));
        });
        Map("GET", @"/~/issues/comments/(\d+)", (m, _, _) => Comment(m) is { } c ? (200, _json.Comment(c)) : Missing());
        Map("PATCH", @"/~/issues/comments/(\d+)", (m, _, body) =>
        {
            if (Comment(m) is not { } comment)
            {
                return Missing();
            }

            comment.Body = body?["body"]?.GetValue<string>() ?? comment.Body;
            comment.UpdatedAt = _time.GetUtcNow();
            return (200, _json.Comment(comment));
        });
        Map("DELETE", @"/~/issues/comments/(\d+)", (m, _, _) => Comment(m) is { } c && _comments.Remove(c) ? (204, null) : Missing());

        Map("POST", @"/~/issues/(\d+)/reactions", (m, _, body) => Issue(m) is { } issue ? React(issue.Reactions, body) : Missing());
        Map("GET", @"/~/issues/(\d+)/reactions", (m, _, _) => Issue(m) is { } issue ? (200, Reactions(issue.Reactions)) : Missing(), paged: true);
        Map("POST", @"/~/issues/comments/(\d+)/reactions", (m, _, body) => Comment(m) is { } c ? React(c.Reactions, body) : Missing());
        Map("GET", @"/~/issues/comments/(\d+)/reactions", (m, _, _) => Comment(m) is { } c ? (200, Reactions(c.Reactions)) : Missing(), paged: true);
    }

    private FakeIssue? Issue(System.Text.RegularExpressions.Match m) =>
        _issues.FirstOrDefault(i => i.Number == int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private FakeComment? Comment(System.Text.RegularExpressions.Match m) =>
        _comments.FirstOrDefault(c => c.Id == long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private JsonArray Labels(FakeIssue issue) => new([.. issue.Labels.Select(l => (JsonNode)_json.Label(l))]);

    private JsonArray Reactions(List<string> reactions) => new([.. reactions.Select((r, i) => (JsonNode)_json.Reaction(i + 1, BotLogin, r))]);

    /// <summary>201 for a new reaction, 200 when the bot already reacted with it (as GitHub answers).</summary>
    private (int, JsonNode?) React(List<string> reactions, JsonNode? body)
    {
        var content = body?["content"]?.GetValue<string>() ?? "";
        if (!ReactionContents.Contains(content))
        {
            return Invalid($"content '{content}' is not a reaction");
        }

        var existed = reactions.Contains(content);
        if (!existed)
        {
            reactions.Add(content);
        }

        return (existed ? 200 : 201, _json.Reaction(++_nextId, BotLogin, content));
    }

    private static (int, JsonNode?) Missing() => (404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" });

    private static (int, JsonNode?) Invalid(string message) =>
        (422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Issue", ["code"] = "custom", ["message"] = message }), ["documentation_url"] = "https://docs.github.com/rest" });
}
