using CodegenBot.Core.Configuration;
using CodegenBot.GitHub.Api;
using CodegenBot.Testing;
using CodegenBot.Testing.FakeGitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Octokit;

namespace CodegenBot.GitHub.Tests.Api;

/// <summary>The production client against the fake GitHub over real HTTP: retries, rate limits, conditional requests.</summary>
public sealed class GitHubClientFactoryTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-client-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private FakeGitHubServer _github = null!;

    public async ValueTask InitializeAsync()
    {
        var remote = RemoteRepository.Create(_root, [("README.md", "# Demo\n")]);
        _github = await FakeGitHubServer.StartAsync("octo-org", "hello-world", remote.BarePath, _time, TestContext.Current.CancellationToken);
        _github.CreateIssue("Add retry", "Retry on 503.", "alice", "codegen");
    }

    public async ValueTask DisposeAsync()
    {
        await _github.DisposeAsync();
        RemoteRepository.DeleteFolder(_root);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedUntilTheCallSucceeds()
    {
        _github.FailNextWithServerError("GET", "/repos/octo-org/hello-world/issues/1", times: 2, status: 502);

        var issue = await _time.RunAsync(() => Client().Issue.Get("octo-org", "hello-world", 1));

        Assert.Equal("Add retry", issue.Title);
        Assert.Equal([502, 502, 200], _github.Requests.Where(r => r.Path == "/repos/octo-org/hello-world/issues/1").Select(r => r.Status));
    }

    [Fact]
    public async Task SecondaryRateLimit_WaitsTheRetryAfterInSimulatedTime()
    {
        _github.FailNextWithSecondaryRateLimit("POST", "/repos/octo-org/hello-world/issues/1/comments", TimeSpan.FromSeconds(30));
        var started = _time.GetUtcNow();

        var comment = await _time.RunAsync(() => Client().Issue.Comment.Create("octo-org", "hello-world", 1, "hello"));

        Assert.Equal("hello", comment.Body);
        Assert.True(_time.GetUtcNow() - started >= TimeSpan.FromSeconds(30));
        Assert.Single(_github.CommentsOn(1));
    }

    [Fact]
    public async Task RateLimitWaitBeyondTheLimit_ReachesOctokitAsARateLimitError()
    {
        _github.FailNextWithRateLimitReset("GET", "/repos/octo-org/hello-world/issues/1", TimeSpan.FromHours(1));

        await Assert.ThrowsAnyAsync<ApiException>(() => _time.RunAsync(() => Client().Issue.Get("octo-org", "hello-world", 1)));
        Assert.Single(_github.Requests, r => r.Path == "/repos/octo-org/hello-world/issues/1");
    }

    [Fact]
    public async Task RepeatedGets_AreConditional_AndA304IsServedFromMemory()
    {
        var client = Client();

        var first = await client.Issue.Get("octo-org", "hello-world", 1);
        var second = await client.Issue.Get("octo-org", "hello-world", 1);

        Assert.Equal(first.Title, second.Title);
        Assert.Equal(1, _github.NotModifiedCount);
        Assert.Contains("If-None-Match", _github.Requests[^1].Headers.Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pagination_FollowsLinkHeaders()
    {
        for (var i = 0; i < 45; i++)
        {
            _github.AddComment(1, "alice", $"comment {i}");
        }

        var comments = await Client().Issue.Comment.GetAllForIssue("octo-org", "hello-world", 1);

        Assert.Equal(45, comments.Count);
        Assert.Equal(2, _github.Requests.Count(r => r.Path == "/repos/octo-org/hello-world/issues/1/comments"));
    }

    [Fact]
    public async Task WrongToken_IsAnAuthorizationError()
    {
        var client = GitHubClientFactory.Create(new Uri(_github.ApiUrl), "ghs_wrong", new GitHubApiOptions(), _time, NullLoggerFactory.Instance);

        await Assert.ThrowsAsync<AuthorizationException>(() => client.Issue.Get("octo-org", "hello-world", 1));
    }

    private IGitHubClient Client() => GitHubClientFactory.Create(new Uri(_github.ApiUrl), _github.Token, new GitHubApiOptions(), _time, NullLoggerFactory.Instance);
}
