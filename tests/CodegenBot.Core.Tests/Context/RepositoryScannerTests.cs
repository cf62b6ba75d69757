using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Context;

public sealed class RepositoryScannerTests
{
    [Fact]
    public void Candidates_AfterPrefetch_AreTheListingGitGivesWithout()
    {
        using var repo = TempGitRepository.WithFiles(("src/A.cs", "class A { }\n"), ("src/B.cs", "class B { }\n"), ("README.md", "# r\n"));
        repo.WriteFile("src/A.cs", "class A { int X; }\n").WriteFile("notes/new.txt", "untracked\n");
        var scanner = new RepositoryScanner(new ContextOptions());
        var expected = scanner.Candidates(repo.Path);

        using var prefetch = RepositoryScanner.Prefetch(repo.Path);
        var prefetched = scanner.Candidates(repo.Path);

        Assert.Equal(expected, prefetched);
        Assert.Contains(prefetched, c => c.Path == "notes/new.txt" && !c.Tracked);
        using var git = new LibGit2Sharp.Repository(repo.Path);
        Assert.Contains(prefetched, c => c.Path == "src/A.cs" && c.BlobId != git.Index["src/A.cs"].Id.Sha);
    }

    [Fact]
    public void Candidates_PrefetchIsTakenOnce_TheNextListingAsksGitAgain()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var scanner = new RepositoryScanner(new ContextOptions());
        using var prefetch = RepositoryScanner.Prefetch(repo.Path);
        Assert.True(RepositoryScanner.IsPrefetched(repo.Path));
        Assert.Equal(["a.cs"], scanner.Candidates(repo.Path).Select(c => c.Path));
        Assert.False(RepositoryScanner.IsPrefetched(repo.Path));

        repo.WriteFile("b.cs", "class B { }\n");

        Assert.Equal(["a.cs", "b.cs"], scanner.Candidates(repo.Path).Select(c => c.Path));
    }

    [Fact]
    public void Prefetch_DisposedBeforeAnyListing_IsDropped_AndLeavesANewerOneForTheSameRoot()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var first = RepositoryScanner.Prefetch(repo.Path);
        first.Dispose();
        Assert.False(RepositoryScanner.IsPrefetched(repo.Path));

        var older = RepositoryScanner.Prefetch(repo.Path);
        using var newer = RepositoryScanner.Prefetch(repo.Path);
        older.Dispose();

        Assert.True(RepositoryScanner.IsPrefetched(repo.Path));
        newer.Dispose();
        Assert.False(RepositoryScanner.IsPrefetched(repo.Path));
    }

    [Fact]
    public void Candidates_PrefetchOfAFolderThatIsNotARepository_FailsAsTheListingWithoutIt()
    {
        var folder = Directory.CreateTempSubdirectory("codegen-not-a-repo-").FullName;
        try
        {
            var scanner = new RepositoryScanner(new ContextOptions());
            var without = Assert.ThrowsAny<Exception>(() => scanner.Candidates(folder));

            using var prefetch = RepositoryScanner.Prefetch(folder);
            var with = Assert.ThrowsAny<Exception>(() => scanner.Candidates(folder));

            Assert.Equal(without.GetType(), with.GetType());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
