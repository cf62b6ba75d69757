using CodegenBot.Testing;
using CodegenBot.Testing.FakeGitHub;
using Octokit;

namespace CodegenBot.GitHub.Tests.Testing;

/// <summary>The fake speaks GitHub's shapes well enough for the real Octokit client, endpoint by endpoint.</summary>
public sealed class FakeGitHubServerTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-fakegh-").FullName;
    private RemoteRepository _remote = null!;
    private FakeGitHubServer _github = null!;
    private GitHubClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _remote = RemoteRepository.Create(_root, [("README.md", "# Demo\n")]);
        _remote.PushBranch(Path.Combine(_root, "scratch"), "feature/x", "a.txt", "x");
        _github = await FakeGitHubServer.StartAsync("octo-org", "hello-world", _remote.BarePath, cancellationToken: TestContext.Current.CancellationToken);
        _client = Client(_github.Token);
        _github.AddUser("alice", "maintain");
        _github.AddUser("tom", "triage");
    }

    public async ValueTask DisposeAsync()
    {
        await _github.DisposeAsync();
        RemoteRepository.DeleteFolder(_root);
    }

    [Fact]
    public async Task Issues_Comments_Labels_Reactions_RoundTripThroughOctokit()
    {
        var issue = _github.CreateIssue("Title", "Body", "alice", "codegen");

        var read = await _client.Issue.Get("octo-org", "hello-world", issue.Number);
        var comment = await _client.Issue.Comment.Create("octo-org", "hello-world", issue.Number, "hi");
        await _client.Issue.Comment.Update("octo-org", "hello-world", comment.Id, "hi again");
        await _client.Issue.Labels.AddToIssue("octo-org", "hello-world", issue.Number, ["bug"]);
        await _client.Reaction.Issue.Create("octo-org", "hello-world", issue.Number, new NewReaction(ReactionType.Eyes));
        await _client.Reaction.IssueComment.Create("octo-org", "hello-world", comment.Id, new NewReaction(ReactionType.Rocket));

        Assert.Equal(("Title", "Body", ItemState.Open), (read.Title, read.Body, read.State.Value));
        Assert.Equal(AccountType.Bot, comment.User.Type);
        Assert.Equal("hi again", Assert.Single(_github.CommentsOn(issue.Number)).Body);
        Assert.Equal(["codegen", "bug"], _github.LabelsOn(issue.Number));
        Assert.Equal(["eyes"], _github.IssueReactions(issue.Number));
        Assert.Equal(["rocket"], _github.CommentReactions(comment.Id));
    }

    [Fact]
    public async Task PullRequests_CreateFindUpdate_AndNoDuplicateForOneBranch()
    {
        var created = await _client.PullRequest.Create("octo-org", "hello-world", new NewPullRequest("Add x", "feature/x", "main") { Body = "b", Draft = true });
        var found = await _client.PullRequest.GetAllForRepository("octo-org", "hello-world", new PullRequestRequest { Head = "octo-org:feature/x", State = ItemStateFilter.Open });
        var updated = await _client.PullRequest.Update("octo-org", "hello-world", created.Number, new PullRequestUpdate { Body = "b2" });

        Assert.Equal(_remote.Tip("feature/x"), created.Head.Sha);
        Assert.True(created.Draft);
        Assert.Equal(created.Number, Assert.Single(found).Number);
        Assert.Equal("b2", updated.Body);
        await Assert.ThrowsAsync<ApiValidationException>(() => _client.PullRequest.Create("octo-org", "hello-world", new NewPullRequest("Again", "feature/x", "main")));
        await Assert.ThrowsAsync<ApiValidationException>(() => _client.PullRequest.Create("octo-org", "hello-world", new NewPullRequest("None", "no/such-branch", "main")));
    }

    [Fact]
    public async Task Permissions_FoldMaintainAndTriage_AsGitHubDoes()
    {
        var alice = await _client.Repository.Collaborator.ReviewPermission("octo-org", "hello-world", "alice");
        var tom = await _client.Repository.Collaborator.ReviewPermission("octo-org", "hello-world", "tom");
        var nobody = await _client.Repository.Collaborator.ReviewPermission("octo-org", "hello-world", "nobody");

        Assert.Equal(("write", "maintain"), (alice.Permission, alice.RoleName));
        Assert.Equal(("read", "triage"), (tom.Permission, tom.RoleName));
        Assert.Equal("none", nobody.Permission);
    }

    [Fact]
    public async Task ReviewsAndRequestedReviewers_AreServed()
    {
        var pr = _github.CreatePullRequest("feature/x", "main", "Add x", "b", "alice");
        _github.AddReview(pr.Number, "alice", "CHANGES_REQUESTED", "Please rename.");

        var reviews = await _client.PullRequest.Review.GetAll("octo-org", "hello-world", pr.Number);
        await _client.PullRequest.ReviewRequest.Create("octo-org", "hello-world", pr.Number, new PullRequestReviewRequest(["alice"], []));

        Assert.Equal(PullRequestReviewState.ChangesRequested, Assert.Single(reviews).State.Value);
        Assert.Equal(["alice"], _github.PullRequests.Single().RequestedReviewers);
        await Assert.ThrowsAsync<ApiValidationException>(() => _client.PullRequest.ReviewRequest.Create("octo-org", "hello-world", pr.Number, new PullRequestReviewRequest(["stranger"], [])));
    }

    /// <summary>A client on the fake's URL as is (GitHubClient's own constructor would add GitHub Enterprise's api/v3/).</summary>
    private GitHubClient Client(string token) =>
        new(new Connection(new ProductHeaderValue("tests"), new Uri(_github.ApiUrl), new Octokit.Internal.InMemoryCredentialStore(new Credentials(token))));

    [Fact]
    public async Task FaultsAndBadTokens_AreAnsweredAsGitHubWould()
    {
        _github.FailNextWithServerError("GET", "/repos/octo-org/hello-world", status: 503);
        var wrong = Client("nope");

        var error = await Assert.ThrowsAsync<ApiException>(() => _client.Repository.Get("octo-org", "hello-world"));
        var repository = await _client.Repository.Get("octo-org", "hello-world");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("main", repository.DefaultBranch);
        await Assert.ThrowsAsync<AuthorizationException>(() => wrong.Repository.Get("octo-org", "hello-world"));
    }
}
