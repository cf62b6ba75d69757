using CodegenBot.Core;
using CodegenBot.Core.Workspace;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Workspace;

public sealed class GitWorkspaceTests
{
    [Fact]
    public void Open_FolderThatIsNoRepository_SaysToInitOrPassACheckout()
    {
        var folder = Directory.CreateTempSubdirectory("codegen-norepo-").FullName;
        try
        {
            var error = Assert.Throws<UserErrorException>(() => GitWorkspace.Open(folder));

            Assert.EndsWith("is not inside a git repository; run 'git init' and commit, or pass a checkout with --repo.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Open_MissingFolder_SaysItDoesNotExist()
    {
        var error = Assert.Throws<UserErrorException>(() => GitWorkspace.Open("/nonexistent/codegen/repo"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RepositoryWithoutCommits_AsksForACommit()
    {
        using var repo = TempGitRepository.Create();

        var error = Assert.Throws<UserErrorException>(() => GitWorkspace.Open(repo.Path));

        Assert.Contains("has no commits yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureClean_ModifiedFile_RefusesAndNamesIt()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        repo.WriteFile("a.cs", "class A { int x; }\n");
        using var workspace = GitWorkspace.Open(repo.Path);

        var error = Assert.Throws<UserErrorException>(workspace.EnsureClean);

        Assert.Contains("has 1 uncommitted change(s) (a.cs); commit or stash them first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureClean_UntrackedFile_Refuses()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        repo.WriteFile("new.cs", "class New { }\n");
        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Throws<UserErrorException>(workspace.EnsureClean);
    }

    [Fact]
    public void EnsureClean_OnlyIgnoredFiles_Passes()
    {
        using var repo = TempGitRepository.WithFiles((".gitignore", "*.log\n"), ("a.cs", "class A { }\n"));
        repo.WriteFile("build.log", "noise\n");
        using var workspace = GitWorkspace.Open(repo.Path);

        workspace.EnsureClean();
    }

    [Fact]
    public void CreateWorkTree_ChangesAndCommit_LandOnTheNewBranchOnly()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var originalHead = repo.HeadSha;
        using var workspace = GitWorkspace.Open(repo.Path);

        string commit;
        using (var tree = workspace.CreateWorkTree("codegen/test-change"))
        {
            File.WriteAllText(Path.Combine(tree.Path, "a.cs"), "class A { int X; }\n");
            File.WriteAllText(Path.Combine(tree.Path, "b.cs"), "class B { }\n");
            var changes = tree.Stage();
            Assert.Equal(["a.cs", "b.cs"], changes.ChangedPaths.Order());
            Assert.Contains("+class A { int X; }", changes.Diff, StringComparison.Ordinal);
            commit = tree.Commit("Change A", "bot", "bot@example.com", DateTimeOffset.UnixEpoch);
        }

        Assert.Equal(commit, repo.BranchTipSha("codegen/test-change"));
        Assert.Equal("class A { int X; }\n", repo.FileAtBranch("codegen/test-change", "a.cs"));
        Assert.Equal("class B { }\n", repo.FileAtBranch("codegen/test-change", "b.cs"));
        Assert.Equal(originalHead, repo.HeadSha);
        Assert.Equal("class A { }\n", repo.ReadFile("a.cs"));
        Assert.False(repo.FileExists("b.cs"));
        Assert.True(repo.IsClean, repo.Status());
        Assert.Equal(["codegen/test-change", repo.CurrentBranch], repo.Branches.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WorkTree_ResetAfterChanges_ReturnsToTheBaseCommit()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        using var workspace = GitWorkspace.Open(repo.Path);
        using var tree = workspace.CreateWorkTree("codegen/reset");
        File.WriteAllText(Path.Combine(tree.Path, "a.cs"), "changed\n");
        File.WriteAllText(Path.Combine(tree.Path, "new.cs"), "new\n");

        tree.Reset();

        Assert.Equal("class A { }\n", File.ReadAllText(Path.Combine(tree.Path, "a.cs")));
        Assert.False(File.Exists(Path.Combine(tree.Path, "new.cs")));
        Assert.Empty(tree.Stage().ChangedPaths);
    }

    [Fact]
    public void DeleteBranch_RemovesTheBranchAndTheWorktreeFolder()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        using var workspace = GitWorkspace.Open(repo.Path);
        var tree = workspace.CreateWorkTree("codegen/dry-run");
        var folder = tree.Path;

        tree.DeleteBranch();
        tree.Dispose();

        Assert.False(Directory.Exists(folder));
        Assert.DoesNotContain("codegen/dry-run", repo.Branches);
    }

    [Fact]
    public void NewBranchName_BranchExists_AddsANumber()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        using var workspace = GitWorkspace.Open(repo.Path);
        using (workspace.CreateWorkTree("codegen/add-logging"))
        {
        }

        Assert.Equal("codegen/add-logging-2", workspace.NewBranchName("codegen/", "Add logging!"));
    }
}
