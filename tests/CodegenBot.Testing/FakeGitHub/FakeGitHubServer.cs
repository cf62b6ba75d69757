using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LibGit2Sharp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Testing.FakeGitHub;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the subset of GitHub's REST API the bot uses, for one repository whose
/// git data is a real bare repository on disk. Stateful (issues, comments, reactions, labels, collaborators'
/// roles, team members, pull requests, reviews, check runs), records every request, answers conditional GETs
/// with 304, sends rate-limit headers, and injects faults (5xx, secondary and primary rate limits). Production
/// code reaches it through the real Octokit client and cannot tell it from api.github.com.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<Route> _routes = [];
    private readonly List<RecordedGitHubRequest> _requests = [];
    private readonly List<Fault> _faults = [];
    private readonly Dictionary<string, FakeUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Org, string Team, string Login)> _teams = [];
    private readonly List<FakeIssue> _issues = [];
    private readonly List<FakeComment> _comments = [];
    private readonly List<FakePullRequest> _pulls = [];
    private readonly List<FakeReviewComment> _reviewComments = [];
    private readonly List<FakeReview> _reviews = [];
    private readonly List<FakeCheckRun> _checkRuns = [];
    private readonly TimeProvider _time;
    private readonly FakeGitHubJson _json;
    private long _nextId = 100;
    private int _notModified;

    private FakeGitHubServer(WebApplication app, string owner, string name, string barePath, TimeProvider time)
    {
        _app = app;
        Owner = owner;
        Name = name;
        BarePath = barePath;
        _time = time;
        _json = new FakeGitHubJson(owner, name, UserOf, Tip);
        MapIssues();
        MapPulls();
        MapRepository();
    }

    public string Owner { get; }

    public string Name { get; }

    /// <summary>The repository's git data.</summary>
    public string BarePath { get; }

    /// <summary>The API's base URL (<c>http://127.0.0.1:PORT/</c>), what GITHUB_API_URL would say.</summary>
    public string ApiUrl { get; private set; } = "";

    /// <summary>The only token the server accepts.</summary>
    public string Token { get; set; } = "ghs_faketoken0123456789abcdef";

    /// <summary>The login that writes with <see cref="Token"/>.</summary>
    public string BotLogin { get; set; } = "github-actions[bot]";

    public string DefaultBranch { get; set; } = "main";

    /// <summary>GETs answered 304 Not Modified.</summary>
    public int NotModifiedCount => _notModified;

    public IReadOnlyList<RecordedGitHubRequest> Requests { get { lock (_gate) { return [.. _requests]; } } }

    public IReadOnlyList<FakeIssue> Issues { get { lock (_gate) { return [.. _issues]; } } }

    public IReadOnlyList<FakePullRequest> PullRequests { get { lock (_gate) { return [.. _pulls]; } } }

    public IReadOnlyList<FakeCheckRun> CheckRuns { get { lock (_gate) { return [.. _checkRuns]; } } }

    public static async Task<FakeGitHubServer> StartAsync(string owner, string name, string barePath, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGitHubServer(app, owner, name, barePath, time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.ApiUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        server.AddUser(server.BotLogin, "write", "Bot");
        return server;
    }

    public void AddUser(string login, string role, string type = "User")
    {
        lock (_gate)
        {
            _users[login] = new FakeUser(login, 1000 + _users.Count, type, role);
        }
    }

    public void AddTeamMember(string org, string teamSlug, string login)
    {
        lock (_gate)
        {
            _teams.Add((org, teamSlug, login));
        }
    }

    public FakeIssue CreateIssue(string title, string body, string author, params string[] labels)
    {
        lock (_gate)
        {
            var issue = NewIssue(title, body, author, isPullRequest: false);
            issue.Labels.AddRange(labels);
            return issue;
        }
    }

    public FakeComment AddComment(int number, string author, string body, string authorType = "User")
    {
        lock (_gate)
        {
            EnsureUser(author, authorType);
            var now = _time.GetUtcNow();
            var comment = new FakeComment { Id = ++_nextId, IssueNumber = number, Author = author, AuthorType = authorType, Body = body, CreatedAt = now, UpdatedAt = now };
            _comments.Add(comment);
            return comment;
        }
    }

    public FakePullRequest CreatePullRequest(string head, string @base, string title, string body, string author, bool fromFork = false)
    {
        lock (_gate)
        {
            return NewPullRequest(head, @base, title, body, author, draft: false, fromFork);
        }
    }

    public FakeReviewComment AddReviewComment(int prNumber, string author, string path, int line, string body)
    {
        lock (_gate)
        {
            EnsureUser(author, "User");
            var comment = new FakeReviewComment(++_nextId, prNumber, author, path, line, body, _time.GetUtcNow());
            _reviewComments.Add(comment);
            return comment;
        }
    }

    public FakeReview AddReview(int prNumber, string author, string state, string body)
    {
        lock (_gate)
        {
            EnsureUser(author, "User");
            var review = new FakeReview(++_nextId, prNumber, author, state, body, _time.GetUtcNow());
            _reviews.Add(review);
            return review;
        }
    }

    public IReadOnlyList<FakeComment> CommentsOn(int number)
    {
        lock (_gate)
        {
            return [.. _comments.Where(c => c.IssueNumber == number)];
        }
    }

    public IReadOnlyList<string> IssueReactions(int number)
    {
        lock (_gate)
        {
            return [.. _issues.Single(i => i.Number == number).Reactions];
        }
    }

    public IReadOnlyList<string> CommentReactions(long commentId)
    {
        lock (_gate)
        {
            return [.. _comments.Single(c => c.Id == commentId).Reactions];
        }
    }

    public IReadOnlyList<string> LabelsOn(int number)
    {
        lock (_gate)
        {
            return [.. _issues.Single(i => i.Number == number).Labels];
        }
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with <paramref name="status"/> instead of serving them.</summary>
    public void Fail(Func<RecordedGitHubRequest, bool> match, int times, int status, IReadOnlyDictionary<string, string>? headers = null, string? body = null)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(match, times, status, headers ?? new Dictionary<string, string>(), body ?? $$"""{"message":"Server Error {{status}}"}"""));
        }
    }

    public void FailNextWithServerError(string method, string pathPrefix, int times = 1, int status = 502) =>
        Fail(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal), times, status);

    public void FailNextWithSecondaryRateLimit(string method, string pathPrefix, TimeSpan retryAfter, int times = 1) =>
        Fail(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal), times, 403,
            new Dictionary<string, string> { ["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
            """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""");

    public void FailNextWithRateLimitReset(string method, string pathPrefix, TimeSpan resetIn, int times = 1, int status = 403) =>
        Fail(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal), times, status,
            new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = (_time.GetUtcNow() + resetIn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            """{"message":"API rate limit exceeded.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = request.Path.Value ?? "/";
        var recorded = new RecordedGitHubRequest(request.Method, path, request.QueryString.Value ?? "", body, headers, 0);
        var (status, json, extra) = Serve(recorded, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), body);
        lock (_gate)
        {
            _requests.Add(recorded with { Status = status });
        }

        var response = context.Response;
        var reset = (_time.GetUtcNow() + TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-limit"] = "5000";
        response.Headers["x-ratelimit-remaining"] = "4999";
        response.Headers["x-ratelimit-reset"] = reset;
        response.Headers["x-ratelimit-used"] = "1";
        response.Headers["x-github-media-type"] = "github.v3; format=json";
        foreach (var (name, value) in extra)
        {
            response.Headers[name] = value;
        }

        var text = json?.ToJsonString() ?? "";
        if (HttpMethods.IsGet(request.Method) && status == 200)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32] + "\"";
            response.Headers.ETag = etag;
            if (headers.TryGetValue("If-None-Match", out var match) && match == etag)
            {
                Interlocked.Increment(ref _notModified);
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        if (status != 204)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(text, context.RequestAborted);
        }
    }

    private (int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers) Serve(RecordedGitHubRequest request, Dictionary<string, string> query, string body)
    {
        var none = new Dictionary<string, string>();
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Match(request));
            if (fault is not null)
            {
                fault.Remaining--;
                return (fault.Status, JsonNode.Parse(fault.Body), fault.Headers);
            }
        }

        // GitHub takes "token X" and "Bearer X" (any case of the scheme); Octokit sends "Token X".
        var authorization = request.Headers.GetValueOrDefault("Authorization") ?? "";
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? "" : authorization[..space];
        if (!(scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)) || authorization[(space + 1)..] != Token)
        {
            return (401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" }, none);
        }

        var prefix = $"/repos/{Owner}/{Name}";
        foreach (var route in _routes)
        {
            if (route.Method != request.Method)
            {
                continue;
            }

            var match = route.Pattern.Match(request.Path.Replace(prefix, "/~", StringComparison.Ordinal));
            if (match.Success)
            {
                JsonNode? input = null;
                if (body.Length > 0)
                {
                    input = JsonNode.Parse(body);
                }

                lock (_gate)
                {
                    var (status, json) = route.Handler(match, query, input);
                    return route.Paged && json is JsonArray all ? Page(request.Path, query, all) : (status, json, none);
                }
            }
        }

        return NotFound();
    }

    private static (int, JsonNode?, IReadOnlyDictionary<string, string>) NotFound() =>
        (404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" }, new Dictionary<string, string>());

    private void Map(string method, [System.Diagnostics.CodeAnalysis.StringSyntax("Regex")] string pattern, Func<Match, Dictionary<string, string>, JsonNode?, (int, JsonNode?)> handler, bool paged = false) =>
        _routes.Add(new Route(method, new Regex("^" + pattern + "$", RegexOptions.CultureInvariant), handler, paged));

    /// <summary>GitHub's pagination: <c>per_page</c> (default 30, at most 100), <c>page</c>, and a Link header with next and last.</summary>
    private (int, JsonNode?, IReadOnlyDictionary<string, string>) Page(string path, Dictionary<string, string> query, JsonArray all)
    {
        var perPage = Math.Clamp(int.TryParse(query.GetValueOrDefault("per_page"), CultureInfo.InvariantCulture, out var p) ? p : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(query.GetValueOrDefault("page"), CultureInfo.InvariantCulture, out var n) ? n : 1);
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var slice = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(i => i!.DeepClone())]);
        var headers = new Dictionary<string, string>();
        if (page < last)
        {
            var others = string.Concat(query.Where(q => q.Key is not ("page" or "per_page")).Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value)}"));
            string Link(int target, string rel) => $"<{ApiUrl.TrimEnd('/')}{path}?per_page={perPage}&page={target}{others}>; rel=\"{rel}\"";
            headers["Link"] = $"{Link(page + 1, "next")}, {Link(last, "last")}";
        }

        return (200, slice, headers);
    }

    private FakeUser UserOf(string login) => _users.TryGetValue(login, out var user) ? user : new FakeUser(login, 9999, login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User", "none");

    private void EnsureUser(string login, string type)
    {
        if (!_users.ContainsKey(login))
        {
            _users[login] = new FakeUser(login, 1000 + _users.Count, type, "none");
        }
    }

    /// <summary>A branch's commit in the bare repository, read on every call.</summary>
    private string? Tip(string branch)
    {
        using var repository = new Repository(BarePath);
        return repository.Branches[branch]?.Tip?.Sha;
    }

    private FakeIssue NewIssue(string title, string body, string author, bool isPullRequest)
    {
        EnsureUser(author, "User");
        var now = _time.GetUtcNow();
        var issue = new FakeIssue { Number = _issues.Count + 1, Title = title, Body = body, Author = author, IsPullRequest = isPullRequest, CreatedAt = now, UpdatedAt = now };
        _issues.Add(issue);
        return issue;
    }

    private FakePullRequest NewPullRequest(string head, string @base, string title, string body, string author, bool draft, bool fromFork)
    {
        var issue = NewIssue(title, body, author, isPullRequest: true);
        var pr = new FakePullRequest { Number = issue.Number, Head = head, Base = @base, Title = title, Body = body, Author = author, Draft = draft, FromFork = fromFork };
        _pulls.Add(pr);
        // GitHub keeps every pull request's head under refs/pull/N/head, forks included.
        using var repository = new Repository(BarePath);
        if (repository.Branches[head]?.Tip is { } tip)
        {
            repository.Refs.Add($"refs/pull/{pr.Number}/head", tip.Id, allowOverwrite: true);
        }

        return pr;
    }

    private sealed record Route(string Method, Regex Pattern, Func<Match, Dictionary<string, string>, JsonNode?, (int, JsonNode?)> Handler, bool Paged);

    private sealed class Fault(Func<RecordedGitHubRequest, bool> match, int times, int status, IReadOnlyDictionary<string, string> headers, string body)
    {
        public Func<RecordedGitHubRequest, bool> Match { get; } = match;

        public int Remaining { get; set; } = times;

        public int Status { get; } = status;

        public IReadOnlyDictionary<string, string> Headers { get; } = headers;

        public string Body { get; } = body;
    }
}
