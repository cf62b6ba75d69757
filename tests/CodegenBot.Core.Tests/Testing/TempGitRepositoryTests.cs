using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Testing;

public sealed class TempGitRepositoryTests
{
    [Fact]
    public void WithFiles_CommitsThemOnTheCurrentBranch()
    {
        using var repo = TempGitRepository.WithFiles(("a.txt", "A\n"), ("src/b.txt", "B\n"));

        Assert.Equal(["a.txt", "src/b.txt"], repo.FilesAtBranch(repo.CurrentBranch));
        Assert.Equal("B\n", repo.FileAtBranch(repo.CurrentBranch, "src/b.txt"));
        Assert.Equal("initial\n", repo.CommitMessage(repo.CurrentBranch));
        Assert.True(repo.IsClean);
    }

    [Fact]
    public void Dispose_RemovesTheFolder()
    {
        var repo = TempGitRepository.WithFiles(("a.txt", "A\n"));
        var path = repo.Path;

        repo.Dispose();

        Assert.False(Directory.Exists(path));
    }
}
