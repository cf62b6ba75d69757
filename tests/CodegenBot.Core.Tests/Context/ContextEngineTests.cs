using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Context.Tasks;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.Tokenizers;

namespace CodegenBot.Core.Tests.Context;

public sealed class ContextEngineTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("codegen-engine-").FullName;

    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(
        ("AGENTS.md", "# Rules\n- Always add xunit tests for new behaviour.\n"),
        ("src/Http/RetryPolicy.cs", "namespace Demo.Http;\n\n/// <summary>Retries.</summary>\npublic sealed class RetryPolicy\n{\n    public TimeSpan NextDelay(int attempt) => Jitter.Apply(TimeSpan.FromSeconds(attempt));\n}\n"),
        ("src/Http/Jitter.cs", "namespace Demo.Http;\n\npublic static class Jitter\n{\n    public static TimeSpan Apply(TimeSpan delay) => delay;\n}\n"),
        ("src/Http/ApiClient.cs", "namespace Demo.Http;\n\npublic sealed class ApiClient(RetryPolicy policy)\n{\n    public Task SendAsync() => Task.CompletedTask;\n}\n"),
        ("src/Reports/PdfWriter.cs", "namespace Demo.Reports;\n\npublic sealed class PdfWriter\n{\n    public void Write(Stream stream) { }\n}\n"),
        ("tests/RetryPolicyTests.cs", "public sealed class RetryPolicyTests\n{\n    public void NextDelay_Grows() { var p = new RetryPolicy(); }\n}\n"),
        ("scripts/build.py", "def build():\n    return compile_all()\n"),
        ("src/Demo.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Polly.Core\" Version=\"8.9.1\" /></ItemGroup></Project>\n"));

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task BuildAsync_Task_RanksTheRelevantFilesAndSendsThemInFull()
    {
        var context = await Build("The retry policy should cap NextDelay");

        Assert.Equal("src/Http/RetryPolicy.cs", context.Files[0].Path);
        Assert.Contains(context.Files, f => f.Path == "tests/RetryPolicyTests.cs");
        Assert.Contains("src/Reports/PdfWriter.cs", context.DirectorySummary + context.RepoMap + string.Concat(context.Files.Select(f => f.Path)), StringComparison.Ordinal);
        Assert.Equal(CoverageTier.FullText, context.Coverage.Single(c => c.Path == "src/Http/RetryPolicy.cs").Tier);
        Assert.Contains("Always add xunit tests for new behaviour.", context.TeamStandards[0], StringComparison.Ordinal);
        Assert.Contains("Languages: C# 94% (5 files), Python 6% (1 file)", context.Profile, StringComparison.Ordinal);
        Assert.Contains("Dependencies nuget (1, 0 dev): Polly.Core 8.9.1", context.Profile, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Coverage, c => c.Path == "AGENTS.md");
    }

    [Fact]
    public async Task BuildAsync_SmallBudget_StaysWithinItAndWarnsAboutANamedFileThatDidNotFit()
    {
        _repo.WriteFile("src/Big.cs", "namespace Demo;\n\npublic sealed class Big\n{\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"    public int Method{i}() => {i};\n")) + "}\n").Commit("big");

        var context = await Build("Fix src/Big.cs", budget: 1000);

        Assert.True(context.TokenCount <= 1000, $"{context.TokenCount} tokens of 1000");
        Assert.Equal(["src/Big.cs is named in the task but did not fit in full (only listed); raise context.token_budget or name fewer files."], context.Warnings);
    }

    [Fact]
    public async Task BuildAsync_SameRepositoryAndTask_GivesByteIdenticalPromptContext()
    {
        var first = await Build("retry jitter");
        var second = await Build("retry jitter");

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.RepoMap, second.RepoMap);
        Assert.Equal(first.DirectorySummary, second.DirectorySummary);
        Assert.True(second.Index.TreeCacheHit);
    }

    [Fact]
    public async Task BuildAsync_RepoMap_MatchesTheGoldenFile()
    {
        var context = await Build("Generate a PDF report", budget: 1200);

        var golden = RepositoryPaths.Combine("tests/CodegenBot.Core.Tests/Context/Golden/repo-map.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, context.RepoMap);
        }

        Assert.Equal(File.ReadAllText(golden), context.RepoMap);
    }

    [Fact]
    public async Task BuildAsync_TaskNamesAMissingPath_ReportsIt()
    {
        var context = await Build("Create src/Feature/NewThing.cs");

        Assert.Equal(["src/Feature/NewThing.cs"], context.MentionedButMissing);
    }

    [Fact]
    public async Task BuildAsync_TokenizerStillLoading_RanksWithoutWaitingForIt()
    {
        using var indexed = new ManualResetEventSlim();
        using var loading = new ManualResetEventSlim();
        // A slow load on the loading thread, as the real one is (a few tenths of a second of its own thread): it starts
        // only when the index has ended and takes a second more (the library keeps a loaded vocabulary for the process,
        // so loading it again here may take no time at all); ranking these 8 files takes milliseconds, and is done
        // first unless it waits for the load.
        var tokens = new TokenCounter(() =>
        {
            indexed.Wait(TimeSpan.FromSeconds(30));
            loading.Wait(TimeSpan.FromSeconds(1));
            return TiktokenTokenizer.CreateForModel("gpt-4o");
        });
        var context = await EngineCounting(tokens).BuildAsync(
            _repo.Path, _repo.Path, TaskParser.Parse("The retry policy should cap NextDelay"), null, TestContext.Current.CancellationToken,
            new IndexEnd(indexed));

        var phases = context.Phases.Select(p => p.Name).ToList();
        var ranking = phases.IndexOf("rank (alongside the profile)");
        Assert.True(ranking > 0 && phases.IndexOf("tokenizer: waiting for its vocabulary") > ranking, string.Join(", ", phases));
        Assert.Equal("src/Http/RetryPolicy.cs", context.Files[0].Path);
        Assert.True(context.TokenCount > 0);
    }

    [Fact]
    public async Task BuildAsync_TokenizerFailsToLoad_FailsWithItsErrorAndLeavesNoFailureUnobserved()
    {
        const string Missing = "The vocabulary is missing (BuildAsync_TokenizerFailsToLoad).";
        var tokens = new TokenCounter(() => throw new InvalidOperationException(Missing));
        var unobserved = new System.Collections.Concurrent.ConcurrentQueue<AggregateException>();
        void Unobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x.Message == Missing))
            {
                unobserved.Enqueue(e.Exception);
            }
        }

        TaskScheduler.UnobservedTaskException += Unobserved;
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineCounting(tokens).BuildAsync(
                _repo.Path, _repo.Path, TaskParser.Parse("retry"), null, TestContext.Current.CancellationToken));
            Assert.Equal(Missing, error.Message);

            // The profile, which also needs the vocabulary, fails on its own and nobody awaits it: give it time to end,
            // then let the collector finalize the tasks nobody holds (an unobserved failure is reported then).
            for (var i = 0; i < 20 && unobserved.IsEmpty; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, TestContext.Current.CancellationToken);
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Unobserved;
        }

        Assert.Empty(unobserved);
    }

    /// <summary>A real engine over the test's cache folder that counts tokens with <paramref name="tokens"/>.</summary>
    private ContextEngine EngineCounting(TokenCounter tokens)
    {
        var options = new CodegenOptions();
        var cache = new FileContextCacheStore(_cache, NullLogger<FileContextCacheStore>.Instance);
        var extractors = new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance);
        return new ContextEngine(
            options, tokens, new RepositoryIndexer(options.Context, extractors, cache, TimeProvider.System, NullLogger<RepositoryIndexer>.Instance), cache, TimeProvider.System);
    }

    /// <summary>Sets the event when the index reports all its files done.</summary>
    private sealed class IndexEnd(ManualResetEventSlim indexed) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            if (value.Total > 0 && value.Done == value.Total)
            {
                indexed.Set();
            }
        }
    }

    private Task<GatheredContext> Build(string task, int? budget = null) =>
        TestContextEngines.Create(_cache).Create(new CodegenOptions())
            .BuildAsync(_repo.Path, _repo.Path, TaskParser.Parse(task), budget, TestContext.Current.CancellationToken);
}
