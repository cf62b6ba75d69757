using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Pipeline;
using CodegenBot.GitHub.Git;
using CodegenBot.Testing;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.GitHub.Tests.Git;

public sealed class RemoteGitTests : IDisposable
{
    private static readonly GitOptions Git = new();
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-remotegit-").FullName;
    private readonly RemoteRepository _remote;
    private readonly string _workspace;

    public RemoteGitTests()
    {
        _remote = RemoteRepository.Create(_root, [("README.md", "# Demo\n")]);
        _workspace = _remote.Clone(Path.Combine(_root, "workspace"));
    }

    public void Dispose() => RemoteRepository.DeleteFolder(_root);

    private RemoteGit Remote => new(_workspace, "token-not-used-for-local-paths", Git, NullLogger.Instance);

    private string BaseSha => _remote.Tip("main")!;

    [Fact]
    public void FetchBranch_Missing_IsNull_AndPresent_IsItsTip()
    {
        Assert.Null(Remote.FetchBranch("codegen/none", TestContext.Current.CancellationToken));
        Assert.Equal(BaseSha, Remote.FetchBranch("main", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Push_NewBranch_ThenFindBranchByPrefix()
    {
        CommitAsBot("codegen/issue-3-old-title", "a.txt", "one");

        Remote.Push("codegen/issue-3-old-title", replacing: null, TestContext.Current.CancellationToken);

        Assert.NotNull(_remote.Tip("codegen/issue-3-old-title"));
        Assert.Equal("codegen/issue-3-old-title", Remote.FindBranch("codegen/issue-3-"));
        Assert.Null(Remote.FindBranch("codegen/issue-31-"));
    }

    [Fact]
    public void BranchState_OnlyTheBotsCommits_HasNoForeignCommits_AndAPersonsCommitIsSeen()
    {
        CommitAsBot("codegen/issue-1-x", "a.txt", "one");
        Remote.Push("codegen/issue-1-x", null, TestContext.Current.CancellationToken);

        Assert.False(Remote.BranchState("codegen/issue-1-x", BaseSha, TestContext.Current.CancellationToken).HasForeignCommits);

        var persons = _remote.PushAsPerson(_root, "codegen/issue-1-x", "b.txt", "mine");
        var state = Remote.BranchState("codegen/issue-1-x", BaseSha, TestContext.Current.CancellationToken);

        Assert.Equal([persons], state.ForeignCommits);
        Assert.Equal(persons, state.Tip);
    }

    [Fact]
    public void Push_Replacing_TheCurrentTip_ReplacesTheBotsCommits()
    {
        CommitAsBot("codegen/issue-2-x", "a.txt", "one");
        Remote.Push("codegen/issue-2-x", null, TestContext.Current.CancellationToken);
        var first = _remote.Tip("codegen/issue-2-x");
        ResetTo("codegen/issue-2-x", BaseSha);
        var second = CommitAsBot("codegen/issue-2-x", "a.txt", "two");

        Remote.Push("codegen/issue-2-x", replacing: first, TestContext.Current.CancellationToken);

        Assert.Equal(second, _remote.Tip("codegen/issue-2-x"));
    }

    [Fact]
    public void Push_Replacing_AStaleTip_RefusesAndSaysTheBranchMoved()
    {
        CommitAsBot("codegen/issue-4-x", "a.txt", "one");
        Remote.Push("codegen/issue-4-x", null, TestContext.Current.CancellationToken);
        var fetched = _remote.Tip("codegen/issue-4-x");
        _remote.PushAsPerson(_root, "codegen/issue-4-x", "b.txt", "mine");
        ResetTo("codegen/issue-4-x", BaseSha);
        CommitAsBot("codegen/issue-4-x", "a.txt", "two");

        var error = Assert.Throws<UserErrorException>(() => Remote.Push("codegen/issue-4-x", replacing: fetched, TestContext.Current.CancellationToken));

        Assert.Contains("changed on GitHub while the bot worked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_NotAFastForward_WithoutReplacing_IsRefusedNeverForced()
    {
        CommitAsBot("codegen/issue-5-x", "a.txt", "one");
        Remote.Push("codegen/issue-5-x", null, TestContext.Current.CancellationToken);
        var persons = _remote.PushAsPerson(_root, "codegen/issue-5-x", "b.txt", "mine");
        ResetTo("codegen/issue-5-x", BaseSha);
        CommitAsBot("codegen/issue-5-x", "a.txt", "two");

        Assert.ThrowsAny<Exception>(() => Remote.Push("codegen/issue-5-x", replacing: null, TestContext.Current.CancellationToken));
        Assert.Equal(persons, _remote.Tip("codegen/issue-5-x"));
    }

    [Fact]
    public void FetchPullRequestHead_ReadsRefsPull()
    {
        using (var bare = new Repository(_remote.BarePath))
        {
            bare.Refs.Add("refs/pull/7/head", bare.Head.Tip.Id);
        }

        Assert.Equal(BaseSha, Remote.FetchPullRequestHead(7, TestContext.Current.CancellationToken));
        Assert.Null(Remote.FetchPullRequestHead(8, TestContext.Current.CancellationToken));
    }

    /// <summary>Commits as the bot (its identity and trailer) on a local branch of the workspace.</summary>
    private string CommitAsBot(string branch, string path, string content)
    {
        using var repository = new Repository(_workspace);
        var parent = repository.Branches[branch]?.Tip ?? repository.Head.Tip;
        var blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));
        var tree = TreeDefinition.From(parent.Tree);
        tree.Add(path, blob, Mode.NonExecutableFile);
        var signature = new Signature(Git.AuthorName, Git.AuthorEmail, DateTimeOffset.UnixEpoch.AddYears(56));
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, $"Change\n\n{GenerationPipeline.GeneratedByTrailer} (test)\n", repository.ObjectDatabase.CreateTree(tree), [parent], prettifyMessage: false);
        repository.Refs.UpdateTarget(repository.Refs[$"refs/heads/{branch}"] ?? repository.Refs.Add($"refs/heads/{branch}", commit.Id), commit.Id);
        return commit.Sha;
    }

    private void ResetTo(string branch, string sha)
    {
        using var repository = new Repository(_workspace);
        repository.Refs.UpdateTarget($"refs/heads/{branch}", sha);
    }
}
