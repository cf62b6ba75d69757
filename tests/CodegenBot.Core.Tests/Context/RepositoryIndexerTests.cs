using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Core.Tests.Context;

public sealed class RepositoryIndexerTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("codegen-index-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task IndexAsync_SecondRunOnTheSameTree_ComesWholeFromTheCache()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"), ("b.py", "def b():\n    pass\n"));

        var (first, cold) = await Index(repo);
        var (second, warm) = await Index(repo);

        Assert.Equal(new IndexStatistics(2, 2, 0, false), cold);
        Assert.Equal(new IndexStatistics(2, 0, 2, true), warm);
        Assert.Equal(first.Files.Select(f => f.Symbols.Definitions.Count), second.Files.Select(f => f.Symbols.Definitions.Count));
    }

    [Fact]
    public async Task IndexAsync_AfterAChange_ReanalysesOnlyChangedFiles()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"), ("b.cs", "class B { }\n"), ("c.cs", "class C { }\n"));
        await Index(repo);
        repo.WriteFile("b.cs", "class B2 { }\n").WriteFile("d.cs", "class D { }\n");

        var (analysis, statistics) = await Index(repo);

        Assert.Equal(new IndexStatistics(4, 2, 2, false), statistics);
        Assert.Equal("B2", analysis.Files.Single(f => f.File.Path == "b.cs").Symbols.Definitions.Single().Name);
        Assert.False(analysis.Files.Single(f => f.File.Path == "d.cs").File.Tracked);
    }

    [Fact]
    public async Task IndexAsync_ExpiredTreeEntry_IsRebuiltFromTheContentAddressedFiles()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        await Index(repo);
        _time.Advance(TimeSpan.FromHours(2));

        var (_, statistics) = await Index(repo);

        Assert.False(statistics.TreeCacheHit);
        Assert.Equal((0, 1), (statistics.Analysed, statistics.Reused));
    }

    [Fact]
    public async Task IndexAsync_ReportsProgressUpToTheFilesItAnalyses()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"), ("b.py", "def b():\n    pass\n"), ("README.md", "# Hi\n"));
        var reports = new List<IndexProgress>();

        await Index(repo, new InlineProgress(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(reports[^1].Total, reports[^1].Done);
        Assert.True(reports[^1].Total >= 3, "every analysed file counts");
        Assert.All(reports, r => Assert.InRange(r.Done, 0, r.Total));
    }

    [Fact]
    public async Task IndexAsync_PrunesEntriesUnusedForTwoWeeks()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var stale = Path.Combine(_cache, "stale.cache");
        await File.WriteAllTextAsync(stale, "old", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(stale, (_time.GetUtcNow() - RepositoryIndexer.UnusedEntryLifetime - TimeSpan.FromDays(1)).UtcDateTime);

        await Index(repo);

        Assert.False(File.Exists(stale));
        Assert.NotEmpty(Directory.GetFiles(_cache, "*.cache"));
    }

    [Fact]
    public async Task IndexAsync_LatestNamesATreeEntryThatIsGone_AnalysesEverythingAgain()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"), ("b.cs", "class B { }\n"));
        await Index(repo);
        var largest = new DirectoryInfo(_cache).GetFiles().OrderByDescending(f => f.Length).First();
        largest.Delete(); // the tree entry: the latest entry only names it
        repo.WriteFile("b.cs", "class B2 { }\n");

        var (analysis, statistics) = await Index(repo);

        Assert.Equal(new IndexStatistics(2, 2, 0, false), statistics);
        Assert.Equal(["A", "B2"], analysis.Files.Select(f => f.Symbols.Definitions.Single().Name));
    }

    [Fact]
    public async Task IndexAsync_CorruptCache_IsRebuiltNotFatal()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        await Index(repo);
        foreach (var file in Directory.GetFiles(_cache))
        {
            File.WriteAllText(file, "garbage");
        }

        var (analysis, statistics) = await Index(repo);

        Assert.Equal(1, statistics.Analysed);
        Assert.Equal("A", analysis.Files.Single().Symbols.Definitions.Single().Name);
    }

    [Fact]
    public async Task IndexAsync_GeneratedVendoredAndBinaryFiles_AreListedButNotRead()
    {
        using var repo = TempGitRepository.WithFiles(
            (".gitattributes", "third_party/** linguist-vendored\nproto/*.cs linguist-generated\n"),
            ("third_party/lib.cs", "class Lib { }\n"),
            ("proto/Messages.cs", "class Messages { }\n"),
            ("src/Client.g.txt", "// <auto-generated>\nclass X { }\n"),
            ("img.dat", "a\0b"),
            ("src/App.cs", "class App { }\n"));

        var (analysis, _) = await Index(repo);

        var skips = analysis.Files.ToDictionary(f => f.File.Path, f => f.File.Skip);
        Assert.Equal(SkipReason.Vendored, skips["third_party/lib.cs"]);
        Assert.Equal(SkipReason.Generated, skips["proto/Messages.cs"]);
        Assert.Equal(SkipReason.Generated, skips["src/Client.g.txt"]);
        Assert.Equal(SkipReason.Binary, skips["img.dat"]);
        Assert.Equal(SkipReason.None, skips["src/App.cs"]);
        Assert.Empty(analysis.Files.Single(f => f.File.Path == "third_party/lib.cs").Symbols.Definitions);
        Assert.Equal(("csharp", 1), (analysis.Files.Single(f => f.File.Path == "src/App.cs").File.Language, analysis.Files.Single(f => f.File.Path == "src/App.cs").File.Lines));
    }

    private sealed class InlineProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }

    [Fact]
    public async Task IndexAsync_CtagsLanguages_GiveTheSymbolsCtagsExtractionGivesFromOneReadPerFile()
    {
        using var repo = TempGitRepository.WithFiles(
            ("app/retry.py", "import time\n\nclass Retry:\n    def wait(self, attempt):\n        time.sleep(backoff(attempt))\n"),
            ("app/backoff.py", "def backoff(attempt):\n    return 2 ** attempt\n"),
            ("web/client.ts", "export class Client {\n  send(): Promise<void> { return retry(); }\n}\n"));

        var (analysis, _) = await Index(repo);
        var direct = await new CtagsSymbolExtractor().ExtractAsync(repo.Path, ["app/backoff.py", "app/retry.py", "web/client.ts"], TestContext.Current.CancellationToken);

        Assert.Equal(
            direct.Select(s => (s.Path, s.Language, string.Join("|", s.Definitions), string.Join("|", s.References))),
            analysis.Files.Select(f => f.Symbols).Select(s => (s.Path, s.Language, string.Join("|", s.Definitions), string.Join("|", s.References))));
        Assert.Contains(analysis.Files.Single(f => f.File.Path == "app/retry.py").Symbols.Definitions, d => d.Name == "wait");
    }

    [Fact]
    public async Task IndexAsync_LanguageNoExtractorHandles_GetsItsIdentifiersOnly()
    {
        using var repo = TempGitRepository.WithFiles(("deploy/settings.yaml", "retry_policy: exponential\nmax_attempts: 3\n"));

        var (analysis, _) = await Index(repo);

        var symbols = analysis.Files.Single().Symbols;
        Assert.Equal("yaml", symbols.Language);
        Assert.Empty(symbols.Definitions);
        Assert.Contains("retry_policy", symbols.References);
        Assert.True(analysis.Files.Single().Terms.CountOf("retry") > 0);
    }

    [Fact]
    public async Task IndexAsync_CtagsMissing_GivesReferencesOnlyAndKeepsGoing()
    {
        using var repo = TempGitRepository.WithFiles(("app/retry.py", "def wait(attempt):\n    return backoff(attempt)\n"), ("a.cs", "class A { }\n"));
        var (analysis, _) = await IndexWith(repo, progress: null, new CSharpSymbolExtractor(), new MissingTool());

        var python = analysis.Files.Single(f => f.File.Path == "app/retry.py").Symbols;
        Assert.Empty(python.Definitions);
        Assert.Contains("backoff", python.References);
        Assert.Equal("A", analysis.Files.Single(f => f.File.Path == "a.cs").Symbols.Definitions.Single().Name);
    }

    [Fact]
    public async Task IndexAsync_PluginExtractor_GivesItsSymbolsAndTheFileGetsItsTerms()
    {
        using var repo = TempGitRepository.WithFiles(("deploy/settings.yaml", "retry_policy: exponential\n"), ("a.cs", "class A { }\n"));
        var (analysis, _) = await IndexWith(repo, progress: null, new CSharpSymbolExtractor(), new YamlKeys());

        var yaml = analysis.Files.Single(f => f.File.Path == "deploy/settings.yaml");
        Assert.Equal("retry_policy", yaml.Symbols.Definitions.Single().Name);
        Assert.True(yaml.Terms.CountOf("exponential") > 0);
        Assert.Equal("A", analysis.Files.Single(f => f.File.Path == "a.cs").Symbols.Definitions.Single().Name);
    }

    [Fact]
    public async Task IndexAsync_BatchPluginWithOnlyTheStringComplete_GetsEachFilesTextAndItsDefinitions()
    {
        using var repo = TempGitRepository.WithFiles(("app/retry.py", "def wait(attempt):\n    return backoff(attempt)\n"), ("app/pool.py", "size = 4\n"));
        var (analysis, _) = await IndexWith(repo, progress: null, new CSharpSymbolExtractor(), new FirstLineTool());

        var retry = analysis.Files.Single(f => f.File.Path == "app/retry.py");
        Assert.Equal("def wait(attempt):", retry.Symbols.Definitions.Single().Signature);
        Assert.Equal("wait", retry.Symbols.Definitions.Single().Name);
        Assert.True(retry.Terms.CountOf("backoff") > 0);
        Assert.Equal("size = 4", analysis.Files.Single(f => f.File.Path == "app/pool.py").Symbols.Definitions.Single().Signature);
    }

    [Fact]
    public async Task IndexAsync_BatchTool_GetsTheReadableFilesOfItsLanguages_InFullBatchesAsTheyAreDescribed()
    {
        var files = Enumerable.Range(0, 600).Select(i => ($"app/m{i:D3}.py", $"def f{i}():\n    pass\n")).ToList();
        files.AddRange(
        [
            ("app/blob.py", "def blob():\0\n"),
            ("app/models_pb2.py", "# Code generated by protoc. DO NOT EDIT.\ndef generated():\n    pass\n"),
            ("app/huge.py", "def huge():\n    pass\n" + new string('#', 300_000)),
            ("scripts/deploy", "#!/usr/bin/env python3\ndef deploy():\n    pass\n"),
        ]);
        using var repo = TempGitRepository.WithFiles([.. files]);
        var tool = new RecordingTool();

        var (analysis, _) = await IndexWith(repo, progress: null, new CSharpSymbolExtractor(), tool);

        // Every readable Python file once (the one known by its shebang too): a first batch of 128 per slot the tool
        // runs in (it starts sooner), then batches of 512 and the rest; the binary, generated and oversized files
        // never; each batch in path order.
        var batches = tool.Batches.OrderByDescending(b => b.Count).ToList();
        var expected = new List<int>();
        for (var left = 601; left > 0; left -= expected[^1])
        {
            expected.Add(Math.Min(left, expected.Count < Environment.ProcessorCount + 1 ? 128 : 512));
        }

        Assert.Equal(expected.OrderDescending(), batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Equal(b.Order(StringComparer.Ordinal), b));
        Assert.Equal(
            files.Select(f => f.Item1).Where(p => p is not ("app/blob.py" or "app/models_pb2.py" or "app/huge.py")).Order(StringComparer.Ordinal),
            batches.SelectMany(b => b).Order(StringComparer.Ordinal));
        Assert.Equal("deploy", analysis.Files.Single(f => f.File.Path == "scripts/deploy").Symbols.Definitions.Single().Name);
        Assert.Equal("f599", analysis.Files.Single(f => f.File.Path == "app/m599.py").Symbols.Definitions.Single().Name);
        Assert.All(
            analysis.Files.Where(f => f.File.Path is "app/blob.py" or "app/models_pb2.py" or "app/huge.py"),
            f => Assert.Empty(f.Symbols.Definitions));
    }

    [Fact]
    public async Task IndexAsync_BatchToolFailsOnOneBatch_FailsTheRunAndStopsTheOtherRuns()
    {
        using var repo = TempGitRepository.WithFiles([.. Enumerable.Range(0, 600).Select(i => ($"app/m{i:D3}.py", $"def f{i}():\n    pass\n"))]);
        var tool = new FailingTool();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => IndexWith(repo, progress: null, new CSharpSymbolExtractor(), tool));

        // The other batches' runs were waiting for their tool; they were cancelled, not left running.
        Assert.Equal("the tool failed", failure.Message);
        Assert.True(tool.OtherRunCancelled.Task.IsCompletedSuccessfully);
    }

    /// <summary>A batch tool whose first run fails and whose other runs never end until they are cancelled.</summary>
    private sealed class FailingTool : IBatchSymbolExtractor
    {
        private int _calls;

        public TaskCompletionSource OtherRunCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Languages { get; } = ["python"];

        public Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not reached");

        public async Task<IReadOnlyDictionary<string, List<SymbolDefinition>>> DefinitionsAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new InvalidOperationException("the tool failed");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                OtherRunCancelled.TrySetResult();
                throw;
            }

            throw new InvalidOperationException("not reached");
        }

        public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text) => throw new InvalidOperationException("not reached");
    }

    /// <summary>A batch tool that records the paths of each run: a definition named after each file's first <c>def</c>.</summary>
    private sealed class RecordingTool : IBatchSymbolExtractor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<string>> _batches = new();

        public IReadOnlyList<string> Languages { get; } = ["python"];

        public IReadOnlyList<IReadOnlyList<string>> Batches => [.. _batches];

        public Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not reached");

        public Task<IReadOnlyDictionary<string, List<SymbolDefinition>>> DefinitionsAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
        {
            _batches.Enqueue([.. relativePaths]);
            return Task.FromResult<IReadOnlyDictionary<string, List<SymbolDefinition>>>(relativePaths.ToDictionary(
                p => p,
                p =>
                {
                    var text = File.ReadAllText(Path.Combine(root, p));
                    var name = text[(text.IndexOf("def ", StringComparison.Ordinal) + 4)..text.IndexOf('(', StringComparison.Ordinal)];
                    return new List<SymbolDefinition> { new(name, SymbolKind.Function, p, 1, 1, name, null, null) };
                }));
        }

        public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text) =>
            new(relativePath, "python", [.. definitions], []);
    }

    /// <summary>A batch plug-in that implements only the string form of Complete: its definition is the file's first line.</summary>
    private sealed class FirstLineTool : IBatchSymbolExtractor
    {
        public IReadOnlyList<string> Languages { get; } = ["python"];

        public Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not reached");

        public Task<IReadOnlyDictionary<string, List<SymbolDefinition>>> DefinitionsAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, List<SymbolDefinition>>>(relativePaths.ToDictionary(
                p => p, p => new List<SymbolDefinition> { new(p.Contains("retry", StringComparison.Ordinal) ? "wait" : "size", SymbolKind.Function, p, 1, 1, "", null, null) }));

        public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text) =>
            new(relativePath, "python", [definitions.Single() with { Signature = text.Split('\n')[0] }], []);
    }

    /// <summary>A plug-in extractor that is neither a text nor a batch extractor: it reads the files itself.</summary>
    private sealed class YamlKeys : ISymbolExtractor
    {
        public IReadOnlyList<string> Languages { get; } = ["yaml"];

        public async Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
        {
            var results = new List<FileSymbols>();
            foreach (var path in relativePaths)
            {
                var key = (await File.ReadAllTextAsync(Path.Combine(root, path), cancellationToken)).Split(':')[0];
                results.Add(new FileSymbols(path, "yaml", [new SymbolDefinition(key, SymbolKind.Constant, path, 1, 1, key, null, null)], []));
            }

            return results;
        }
    }

    /// <summary>A batch extractor whose tool is not installed.</summary>
    private sealed class MissingTool : IBatchSymbolExtractor
    {
        public IReadOnlyList<string> Languages { get; } = ["python"];

        public Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            throw new CtagsNotFoundException("ctags is not installed.", new InvalidOperationException());

        public Task<IReadOnlyDictionary<string, List<SymbolDefinition>>> DefinitionsAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken) =>
            throw new CtagsNotFoundException("ctags is not installed.", new InvalidOperationException());

        public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text) => throw new InvalidOperationException("not reached");
    }

    private Task<(RepositoryAnalysis, IndexStatistics)> Index(TempGitRepository repo, IProgress<IndexProgress>? progress = null) =>
        IndexWith(repo, progress, new CSharpSymbolExtractor(), new CtagsSymbolExtractor());

    private Task<(RepositoryAnalysis, IndexStatistics)> IndexWith(TempGitRepository repo, IProgress<IndexProgress>? progress, params ISymbolExtractor[] extractors) =>
        new RepositoryIndexer(
            new ContextOptions(),
            new SymbolExtractorRegistry(extractors, NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(_cache, NullLogger<FileContextCacheStore>.Instance),
            _time,
            NullLogger<RepositoryIndexer>.Instance).IndexAsync(repo.Path, repo.Path, TestContext.Current.CancellationToken, progress);
}
