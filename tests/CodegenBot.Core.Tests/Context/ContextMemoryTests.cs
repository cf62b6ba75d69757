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
