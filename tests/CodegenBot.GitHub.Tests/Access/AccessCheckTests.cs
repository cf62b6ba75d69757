using CodegenBot.Core.Configuration;
using CodegenBot.GitHub.Access;
using CodegenBot.GitHub.Api;
using CodegenBot.GitHub.Events;
using CodegenBot.Testing;
using CodegenBot.Testing.FakeGitHub;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.GitHub.Tests.Access;

/// <summary>Who may trigger the bot, decided through the API of the fake GitHub.</summary>
public sealed class AccessCheckTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-access-").FullName;
    private FakeGitHubServer _github = null!;

    public async ValueTask InitializeAsync()
    {
        var remote = RemoteRepository.Create(_root, [("README.md", "# Demo\n")]);
        _github = await FakeGitHubServer.StartAsync("octo-org", "hello-world", remote.BarePath, cancellationToken: TestContext.Current.CancellationToken);
        _github.AddUser("admin1", "admin");
        _github.AddUser("maint", "maintain");
        _github.AddUser("writer", "write");
        _github.AddUser("triager", "triage");
        _github.AddUser("reader", "read");
        _github.AddTeamMember("octo-org", "reviewers", "reader");
    }

    public async ValueTask DisposeAsync()
    {
        await _github.DisposeAsync();
        RemoteRepository.DeleteFolder(_root);
    }

    [Theory]
    [InlineData("admin1", true)]
    [InlineData("maint", true)]
    [InlineData("writer", true)]
    [InlineData("triager", false)]
    [InlineData("reader", false)]
    [InlineData("stranger", false)]
    public async Task CheckAsync_ByRole_AllowsWriteMaintainAndAdminOnly(string login, bool allowed)
    {
        var decision = await Check(new SecurityOptions()).CheckAsync(new Actor(login, false), TestContext.Current.CancellationToken);

        Assert.Equal(allowed, decision.Allowed);
        Assert.False(decision.Silent);
        if (!allowed)
        {
            Assert.Contains($"@{login} has the '", decision.Reason, StringComparison.Ordinal);
            Assert.Contains("security.allowed_users", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CheckAsync_Bot_IsRefusedSilently()
    {
        var decision = await Check(new SecurityOptions()).CheckAsync(new Actor("renovate[bot]", true), TestContext.Current.CancellationToken);

        Assert.Equal((false, true), (decision.Allowed, decision.Silent));
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task CheckAsync_ListedUserAndTeamMember_AreAllowed()
    {
        var security = new SecurityOptions { AllowedUsers = ["Stranger"], AllowedTeams = ["reviewers"] };

        Assert.True((await Check(security).CheckAsync(new Actor("stranger", false), TestContext.Current.CancellationToken)).Allowed);
        Assert.True((await Check(security).CheckAsync(new Actor("reader", false), TestContext.Current.CancellationToken)).Allowed);
        Assert.False((await Check(security).CheckAsync(new Actor("triager", false), TestContext.Current.CancellationToken)).Allowed);
    }

    [Fact]
    public async Task CheckAsync_TriageAllowedByConfiguration_IsAllowed()
    {
        var security = new SecurityOptions { AllowedPermissions = ["triage", "write", "maintain", "admin"] };

        Assert.True((await Check(security).CheckAsync(new Actor("triager", false), TestContext.Current.CancellationToken)).Allowed);
    }

    private AccessCheck Check(SecurityOptions security) =>
        new(GitHubClientFactory.Create(new Uri(_github.ApiUrl), _github.Token, new GitHubApiOptions(), TimeProvider.System, NullLoggerFactory.Instance), new GitHubRepository("octo-org", "hello-world"), security);
}
