using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Context.Tasks;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Core.Tests.Context;

public sealed class ContextMemoryTests : IDisposable
{
    private const string CheckedAgainstMemory = "index: list files (checked against memory)";

    private readonly string _cache = Directory.CreateTempSubdirectory("codegen-memory-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task Index_UnchangedTree_ComesFromMemoryWithoutListingThroughGit()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"), ("b.py", "def b():\n    pass\n"));
        Age(repo);
        var indexer = Indexer(new ContextMemory());
        var (first, _) = await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        var (second, statistics) = await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Equal(new IndexStatistics(2, 0, 2, true), statistics);
        Assert.Contains(statistics.Phases, p => p.Name == CheckedAgainstMemory);
    }

    [Fact]
    public async Task Index_ChangedFiles_AreReanalysedFromTheAnalysisInMemory()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"), ("b.cs", "class B { }\n"), ("c.cs", "class C { }\n"));
        Age(repo);
        var indexer = Indexer(new ContextMemory());
        await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        // Same size, written at once: only the racy-window re-hash can see this change.
        repo.WriteFile("b.cs", "class X { }\n").WriteFile("c.cs", "class Longer { }\n");
        var (analysis, statistics) = await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        Assert.Equal(new IndexStatistics(3, 2, 1, false), statistics);
        Assert.Equal(["A", "X", "Longer"], analysis.Files.Select(f => f.Symbols.Definitions.Single().Name));
        Assert.Contains(statistics.Phases, p => p.Name == CheckedAgainstMemory);
        Assert.Contains(statistics.Phases, p => p.Name == "index: previous analysis from memory");
    }

    [Theory]
    [InlineData("new file")]
    [InlineData("deleted file")]
    [InlineData("ignore rule")]
    public async Task Index_ChangesBeyondFileContents_ListTheTreeAgainThroughGit(string change)
    {
        using var repo = TempGitRepository.WithFiles(("src/a.cs", "class A { }\n"), ("src/b.cs", "class B { }\n"), (".gitignore", "bin/\n"));
        repo.WriteFile("src/untracked.cs", "class U { }\n");
        Age(repo);
        var indexer = Indexer(new ContextMemory());
        await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        _ = change switch
        {
            "new file" => repo.WriteFile("src/c.cs", "class C { }\n"),
            "deleted file" => repo.DeleteFile("src/b.cs"),
            _ => repo.WriteFile(".gitignore", "bin/\nsrc/untracked.cs\n"),
        };
        var (analysis, statistics) = await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(statistics.Phases, p => p.Name == CheckedAgainstMemory);
        var expected = change switch
        {
            "new file" => new[] { ".gitignore", "src/a.cs", "src/b.cs", "src/c.cs", "src/untracked.cs" },
            "deleted file" => [".gitignore", "src/a.cs", "src/untracked.cs"],
            _ => [".gitignore", "src/a.cs", "src/b.cs"],
        };
        Assert.Equal(expected, analysis.Files.Select(f => f.File.Path));
    }

    [Fact]
    public async Task Index_CommitAndCheckout_MoveGitsIndexAndListAgain()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        Age(repo);
        var indexer = Indexer(new ContextMemory());
        await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        repo.WriteFile("b.cs", "class B { }\n").Commit("b");
        var (analysis, statistics) = await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(statistics.Phases, p => p.Name == CheckedAgainstMemory);
        Assert.True(analysis.Files.Single(f => f.File.Path == "b.cs").File.Tracked);
    }

    [Fact]
    public void Recall_BeyondCapacity_ForgetsTheLeastRecentlyUsedRepository()
    {
        using var one = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var memory = new ContextMemory(capacity: 2);
        var remembered = new ContextMemory.Remembered(WorkTreeListing.Take(one.Path, new RepositoryScanner(new ContextOptions())), new RepositoryAnalysis("t", []));

        memory.Remember("/repos/one", "c", remembered);
        memory.Remember("/repos/two", "c", remembered);
        _ = memory.Recall("/repos/one", "c");
        memory.Remember("/repos/three", "c", remembered);

        Assert.NotNull(memory.Recall("/repos/one", "c"));
        Assert.Null(memory.Recall("/repos/two", "c"));
        Assert.NotNull(memory.Recall("/repos/three", "c"));
        Assert.Null(memory.Recall("/repos/three", "other configuration"));
        Assert.Null(new ContextMemory(capacity: 0).Recall("/repos/one", "c"));
    }

    [Fact]
    public async Task Build_Resident_LeavesCacheWritesToFinishInTheBackgroundAndFlushWaitsForThem()
    {
        using var repo = TempGitRepository.WithFiles(("src/Retry.cs", "class Retry { void Wait() { } }\n"), ("src/Other.cs", "class Other { }\n"));
        var memory = new ContextMemory(resident: true);
        var engine = Factory(memory).Create(new CodegenOptions());
        var task = TaskParser.Parse("Fix the retry wait");

        var first = await engine.BuildAsync(repo.Path, repo.Path, task, null, TestContext.Current.CancellationToken);
        await memory.FlushAsync();
        var warm = await engine.BuildAsync(repo.Path, repo.Path, task, null, TestContext.Current.CancellationToken);
        var anotherProcess = await Factory(null).Create(new CodegenOptions()).BuildAsync(repo.Path, repo.Path, task, null, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(first.Phases, p => p.Name.StartsWith("index: write cache", StringComparison.Ordinal));
        Assert.True(warm.Index.TreeCacheHit);
        Assert.True(anotherProcess.Index.TreeCacheHit);
        Assert.Equal(first.RepoMap, warm.RepoMap);
        Assert.Equal(first.Coverage.Select(c => (c.Path, c.Tier, c.Score)), anotherProcess.Coverage.Select(c => (c.Path, c.Tier, c.Score)));
    }

    [Fact]
    public async Task Index_RightAfterTheTreeChanged_DoesNotTrustFolderStampsAndListsAgain()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var indexer = Indexer(new ContextMemory());
        await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        // The folders were written moments ago: a file created between git's listing and the stamps would be missed.
        var (_, statistics) = await indexer.IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(statistics.Phases, p => p.Name == CheckedAgainstMemory);
    }

    [Fact]
    public async Task Build_Resident_AfterAnEarlierWriteWasCancelled_StillWritesItsOwn()
    {
        using var repo = TempGitRepository.WithFiles(("src/Retry.cs", "class Retry { }\n"));
        var memory = new ContextMemory(resident: true);
        memory.Defer(Task.FromCanceled(new CancellationToken(canceled: true)));
        memory.Defer(Task.FromException(new IOException("disk full")));

        await Factory(memory).Create(new CodegenOptions()).BuildAsync(repo.Path, repo.Path, TaskParser.Parse("retry"), null, TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<Exception>(memory.FlushAsync);
        var anotherProcess = await Factory(null).Create(new CodegenOptions()).BuildAsync(repo.Path, repo.Path, TaskParser.Parse("retry"), null, TestContext.Current.CancellationToken);

        Assert.True(anotherProcess.Index.TreeCacheHit);
    }

    /// <summary>Dates every file and folder of the checkout (git's too) a minute back: a tree nobody touched lately.</summary>
    private static void Age(TempGitRepository repo)
    {
        var then = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
        foreach (var path in Directory.EnumerateFileSystemEntries(repo.Path, "*", SearchOption.AllDirectories))
        {
            if (File.Exists(path))
            {
                File.SetLastWriteTimeUtc(path, then);
            }
            else
            {
                Directory.SetLastWriteTimeUtc(path, then);
            }
        }

        Directory.SetLastWriteTimeUtc(repo.Path, then);
    }

    private RepositoryIndexer Indexer(ContextMemory memory) =>
        new(
            new ContextOptions(),
            new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(_cache, NullLogger<FileContextCacheStore>.Instance),
            TimeProvider.System,
            NullLogger<RepositoryIndexer>.Instance,
            memory);

    private ContextEngineFactory Factory(ContextMemory? memory) =>
        new(
            new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(_cache, NullLogger<FileContextCacheStore>.Instance),
            TimeProvider.System,
            NullLoggerFactory.Instance,
            memory);
}
