using System.Globalization;
using System.Text.Json.Nodes;

namespace CodegenBot.Testing.FakeGitHub;

/// <summary>The repository, collaborators, teams, branches, pull requests, reviews and check runs.</summary>
public sealed partial class FakeGitHubServer
{
    private void MapRepository()
    {
        Map("GET", @"/~", (_, _, _) => (200, _json.Repository(DefaultBranch)));
        Map("GET", @"/~/collaborators/([^/]+)/permission", (m, _, _) =>
        {
            var login = Uri.UnescapeDataString(m.Groups[1].Value);
            var role = _users.TryGetValue(login, out var user) ? user.Role : "none";
            // GitHub's "permission" folds maintain into write and triage into read; "role_name" keeps them.
            var permission = role switch { "maintain" => "write", "triage" => "read", _ => role };
            return (200, new JsonObject { ["permission"] = permission, ["role_name"] = role, ["user"] = _json.User(login) });
        });
        Map("GET", @"/orgs/([^/]+)/teams/([^/]+)/memberships/([^/]+)", (m, _, _) =>
        {
            var (org, team, login) = (m.Groups[1].Value, m.Groups[2].Value, Uri.UnescapeDataString(m.Groups[3].Value));
            return _teams.Contains((org, team, login))
                ? (200, new JsonObject { ["url"] = $"https://api.github.com/orgs/{org}/teams/{team}/memberships/{login}", ["role"] = "member", ["state"] = "active" })
                : Missing();
        });
        Map("GET", @"/~/branches/([^?]+)", (m, _, _) =>
        {
            var branch = Uri.UnescapeDataString(m.Groups[1].Value);
            return Tip(branch) is { } sha
                ? (200, new JsonObject { ["name"] = branch, ["commit"] = new JsonObject { ["sha"] = sha, ["url"] = "" }, ["protected"] = false })
                : (404, new JsonObject { ["message"] = "Branch not found" });
        });
        Map("POST", @"/~/check-runs", (_, _, body) =>
        {
            var run = new FakeCheckRun { Id = ++_nextId, Name = body?["name"]?.GetValue<string>() ?? "", HeadSha = body?["head_sha"]?.GetValue<string>() ?? "" };
            Apply(run, body);
            _checkRuns.Add(run);
            return (201, _json.CheckRun(run));
        });
        Map("PATCH", @"/~/check-runs/(\d+)", (m, _, body) =>
        {
            var run = _checkRuns.FirstOrDefault(r => r.Id == long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            if (run is null)
            {
                return Missing();
            }

            Apply(run, body);
            return (200, _json.CheckRun(run));
        });
    }

    private void MapPulls()
    {
        Map("GET", @"/~/pulls", (_, query, _) =>
        {
            var state = query.GetValueOrDefault("state") ?? "open";
            var head = query.GetValueOrDefault("head");
            var @base = query.GetValueOrDefault("base");
            var found = _pulls.Where(p => (state == "all" || p.State == state)
                && (head is null || head == $"{(p.FromFork ? "forker" : Owner)}:{p.Head}")
                && (@base is null || @base == p.Base));
            return (200, new JsonArray([.. found.Select(p => (JsonNode)PullJson(p))]));
        }, paged: true);
        Map("POST", @"/~/pulls", (_, _, body) =>
        {
            var head = body?["head"]?.GetValue<string>() ?? "";
            var branch = head.Contains(':', StringComparison.Ordinal) ? head[(head.IndexOf(':', StringComparison.Ordinal) + 1)..] : head;
            var @base = body?["base"]?.GetValue<string>() ?? DefaultBranch;
            if (_pulls.Any(p => p.State == "open" && p.Head == branch && !p.FromFork))
            {
                return InvalidPull($"A pull request already exists for {Owner}:{branch}.");
            }

            if (Tip(branch) is null || Tip(@base) is null)
            {
                return InvalidPull($"{(Tip(branch) is null ? "head" : "base")} is invalid");
            }

            var pr = NewPullRequest(branch, @base, body?["title"]?.GetValue<string>() ?? "", body?["body"]?.GetValue<string>() ?? "", BotLogin, body?["draft"]?.GetValue<bool>() ?? false, fromFork: false);
            return (201, PullJson(pr));
        });
        Map("GET", @"/~/pulls/(\d+)", (m, _, _) => Pull(m) is { } pr ? (200, PullJson(pr)) : Missing());
        Map("PATCH", @"/~/pulls/(\d+)", (m, _, body) =>
        {
            if (Pull(m) is not { } pr)
            {
                return Missing();
            }

            var issue = _issues.Single(i => i.Number == pr.Number);
            pr.Title = issue.Title = body?["title"]?.GetValue<string>() ?? pr.Title;
            pr.Body = issue.Body = body?["body"]?.GetValue<string>() ?? pr.Body;
            pr.State = issue.State = body?["state"]?.GetValue<string>() ?? pr.State;
            pr.Base = body?["base"]?.GetValue<string>() ?? pr.Base;
            issue.UpdatedAt = _time.GetUtcNow();
            // Refresh refs/pull/N/head as GitHub does when the head branch moves.
            using var repository = new LibGit2Sharp.Repository(BarePath);
            if (repository.Branches[pr.Head]?.Tip is { } tip)
            {
                repository.Refs.Add($"refs/pull/{pr.Number}/head", tip.Id, allowOverwrite: true);
            }

            return (200, PullJson(pr));
        });
        Map("GET", @"/~/pulls/(\d+)/comments", (m, _, _) => Pull(m) is { } pr
            ? (200, new JsonArray([.. _reviewComments.Where(c => c.PullRequest == pr.Number).Select(c => (JsonNode)_json.ReviewComment(c))]))
            : Missing(), paged: true);
        Map("GET", @"/~/pulls/(\d+)/reviews", (m, _, _) => Pull(m) is { } pr
            ? (200, new JsonArray([.. _reviews.Where(r => r.PullRequest == pr.Number).Select(r => (JsonNode)_json.Review(r))]))
            : Missing(), paged: true);
        Map("POST", @"/~/pulls/(\d+)/requested_reviewers", (m, _, body) =>
        {
            if (Pull(m) is not { } pr)
            {
                return Missing();
            }

            var reviewers = (body?["reviewers"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList();
            if (reviewers.FirstOrDefault(r => !_users.ContainsKey(r)) is { } stranger)
            {
                return InvalidPull($"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {Owner}/{Name} repository: {stranger}");
            }

            pr.RequestedReviewers.AddRange(reviewers);
            pr.RequestedTeams.AddRange((body?["team_reviewers"] as JsonArray ?? []).Select(r => r!.GetValue<string>()));
            return (201, PullJson(pr));
        });
    }

    private FakePullRequest? Pull(System.Text.RegularExpressions.Match m) =>
        _pulls.FirstOrDefault(p => p.Number == int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private JsonObject PullJson(FakePullRequest pr) => _json.PullRequest(pr, _issues.Single(i => i.Number == pr.Number), DefaultBranch);

    private static (int, JsonNode?) InvalidPull(string message) =>
        (422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "PullRequest", ["code"] = "custom", ["message"] = message }), ["documentation_url"] = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request" });

    private static void Apply(FakeCheckRun run, JsonNode? body)
    {
        run.Name = body?["name"]?.GetValue<string>() ?? run.Name;
        run.Status = body?["status"]?.GetValue<string>() ?? run.Status;
        run.Conclusion = body?["conclusion"]?.GetValue<string>() ?? run.Conclusion;
        run.Title = body?["output"]?["title"]?.GetValue<string>() ?? run.Title;
        run.Summary = body?["output"]?["summary"]?.GetValue<string>() ?? run.Summary;
    }
}
