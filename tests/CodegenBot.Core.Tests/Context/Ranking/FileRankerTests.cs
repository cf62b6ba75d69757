using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Tests.Context.Ranking;

public sealed class FileRankerTests
{
    private static readonly FileAnalysis Retry = File("src/Http/RetryPolicy.cs", ["RetryPolicy", "NextDelay"], ["TimeSpan", "Jitter"]);
    private static readonly FileAnalysis Jitter = File("src/Http/Jitter.cs", ["Jitter"], ["Random"]);
    private static readonly FileAnalysis Client = File("src/Http/ApiClient.cs", ["ApiClient", "SendAsync"], ["RetryPolicy", "HttpClient"]);
    private static readonly FileAnalysis Unrelated = File("src/Reports/PdfWriter.cs", ["PdfWriter"], ["Stream"]);
    private static readonly FileAnalysis RetryTests = File("tests/RetryPolicyTests.cs", ["RetryPolicyTests"], ["RetryPolicy"]);

    [Fact]
    public void Rank_LexicalMatch_RanksTheMatchingFileFirstWithItsReason()
    {
        var ranked = FileRanker.Rank([Unrelated, Jitter, Retry, Client], Task("The retry policy waits too long between attempts"));

        Assert.Equal("src/Http/RetryPolicy.cs", ranked[0].Path);
        Assert.Contains("shares words with the task: policy, retry", ranked[0].Reasons);
        Assert.Equal("src/Reports/PdfWriter.cs", ranked[^1].Path);
    }

    [Fact]
    public void Rank_DefinitionUsedByAHit_RanksAboveUnrelatedThroughTheGraph()
    {
        var ranked = FileRanker.Rank([Unrelated, Jitter, Retry], Task("The retry policy waits too long"));

        Assert.True(Index(ranked, Jitter.File.Path) < Index(ranked, Unrelated.File.Path));
        Assert.Contains("uses or is used by the relevant files", ranked[Index(ranked, Jitter.File.Path)].Reasons);
    }

    [Fact]
    public void Rank_NamedFileAndStackFrame_BeatLexicalSimilarity()
    {
        var task = Task("Crash in the PDF export", files: ["PdfWriter.cs"], frames: [new StackFrame("/build/src/Reports/PdfWriter.cs", 42, "Write", "at ...")]);

        var ranked = FileRanker.Rank([Retry, Unrelated, Client], task);

        Assert.Equal("src/Reports/PdfWriter.cs", ranked[0].Path);
        Assert.Equal(["named in the task", "stack trace frame at line 42"], ranked[0].Reasons.Take(2));
    }

    [Fact]
    public void Rank_NamedSymbol_BoostsTheFileDefiningIt()
    {
        var ranked = FileRanker.Rank([Unrelated, Client, Jitter], Task("Make it configurable", symbols: ["Jitter"]));

        Assert.Equal("src/Http/Jitter.cs", ranked[0].Path);
        Assert.Contains("defines `Jitter` named in the task", ranked[0].Reasons);
    }

    [Fact]
    public void Rank_RelevantSource_BringsItsTests()
    {
        var ranked = FileRanker.Rank([Unrelated, Retry, RetryTests, Jitter], Task("retry policy delay"));

        Assert.True(Index(ranked, RetryTests.File.Path) <= 2);
    }

    [Fact]
    public void Rank_SameInput_SameOrder()
    {
        var task = Task("http retry");
        var first = FileRanker.Rank([Unrelated, Jitter, Retry, Client], task);
        var second = FileRanker.Rank([Client, Retry, Jitter, Unrelated], task);

        Assert.Equal(first.Select(r => r.Path), second.Select(r => r.Path));
    }

    [Fact]
    public void Rank_TestFiles_YieldToTheirSourcesUnlessTheTaskIsAboutTests()
    {
        var task = Task("retry policy tests");

        var feature = FileRanker.Rank([Retry, RetryTests], task, GenerationMode.Feature);
        var testing = FileRanker.Rank([Retry, RetryTests], task, GenerationMode.Test);

        Assert.True(Index(feature, Retry.File.Path) < Index(feature, RetryTests.File.Path));
        Assert.True(testing.Single(r => r.Path == RetryTests.File.Path).Score > feature.Single(r => r.Path == RetryTests.File.Path).Score);
    }

    [Fact]
    public void Rank_FileAndFolderNamedInTheTask_AreBoostedWithReasons()
    {
        var persistence = File("src/persistence/SubjectExecutor.ts", ["SubjectExecutor"], ["QueryRunner"]);
        var other = File("src/query/Runner.ts", ["QueryRunner"], ["Subject"]);
        var helpers = File("src/flask/helpers.py", ["send_file"], []);
        var filler = Enumerable.Range(0, 20).Select(i => File($"src/misc/File{i}.ts", [$"Thing{i}"], [])).ToList();

        var ranked = FileRanker.Rank([other, persistence, helpers, .. filler], Task("fix(persistence): keep columns; see helpers.send_file"));

        Assert.Contains("in src/persistence/, named in the task", ranked.Single(r => r.Path == persistence.File.Path).Reasons);
        Assert.Contains("its name is in the task", ranked.Single(r => r.Path == helpers.File.Path).Reasons);
        Assert.True(Index(ranked, persistence.File.Path) < Index(ranked, other.File.Path));
    }

    [Fact]
    public void RankingIndex_KeptForSeveralTasks_RanksEachAsAFreshRanking()
    {
        FileAnalysis[] files = [Unrelated, Jitter, Retry, Client, RetryTests];
        var index = new RankingIndex(files);
        TaskContext[] tasks =
        [
            Task("The retry policy waits too long"),
            Task("Make it configurable", symbols: ["Jitter", "RetryPolicy"]),
            Task("Fix the client", files: ["src/Http/ApiClient.cs"]),
            Task("nothing matches here"),
        ];

        foreach (var task in tasks)
        {
            var kept = index.Rank(task);
            var fresh = FileRanker.Rank(files, task);

            Assert.Equal(fresh.Select(r => (r.Path, r.Score, string.Join("|", r.Reasons))), kept.Select(r => (r.Path, r.Score, string.Join("|", r.Reasons))));
        }

        // A named identifier weighs its edges up for that task only: the next task sees the graph's own weights again.
        Assert.Equal(FileRanker.Rank(files, tasks[0]).Select(r => r.Score), index.Rank(tasks[0]).Select(r => r.Score));
    }

    [Fact]
    public void RankingIndex_Update_OfChangedContents_RanksAsAFreshIndexAndRefusesStructuralChanges()
    {
        FileAnalysis[] before = [Unrelated, Jitter, Retry, Client, RetryTests];
        var index = new RankingIndex(before);
        var task = Task("Make the client configurable", symbols: ["RetryPolicy"]);

        // The client now uses Jitter too, and no longer HttpClient: its references change, its definitions do not.
        FileAnalysis[] after = [Unrelated, Jitter, Retry, File("src/Http/ApiClient.cs", ["ApiClient", "SendAsync"], ["RetryPolicy", "Jitter"]), RetryTests];
        var updated = index.Update(after);

        Assert.NotNull(updated);
        Assert.Equal(
            new RankingIndex(after).Rank(task).Select(r => (r.Path, r.Score, string.Join("|", r.Reasons))),
            updated.Rank(task).Select(r => (r.Path, r.Score, string.Join("|", r.Reasons))));
        Assert.Null(index.Update([Unrelated, Jitter, Retry, File("src/Http/ApiClient.cs", ["ApiClient", "Renamed"], ["RetryPolicy"]), RetryTests]));
        Assert.Null(index.Update([Unrelated, Jitter, Retry, Client]));
    }

    [Theory]
    [InlineData("tests/RetryPolicyTests.cs", true)]
    [InlineData("test/EFCore.Tests/ModelTest.cs", true)]
    [InlineData("src/app/__tests__/x.ts", true)]
    [InlineData("src/foo.spec.ts", true)]
    [InlineData("tests/conftest.py", true)]
    [InlineData("src/Testing/Clock.cs", false)]
    [InlineData("src/Http/RetryPolicy.cs", false)]
    public void IsTest_ByFolderOrName(string path, bool expected) => Assert.Equal(expected, FileRanker.IsTest(path));

    private static int Index(IReadOnlyList<RankedFile> ranked, string path) => ranked.ToList().FindIndex(r => r.Path == path);

    private static TaskContext Task(string text, string[]? files = null, string[]? symbols = null, StackFrame[]? frames = null) =>
        new() { Text = text, FilePaths = files ?? [], SymbolNames = symbols ?? [], StackFrames = frames ?? [] };

    /// <summary>A file as the indexer would describe it; its text is its definitions and references.</summary>
    private static FileAnalysis File(string path, string[] definitions, string[] references)
    {
        var symbols = new FileSymbols(path, "csharp", definitions.Select((d, i) => new SymbolDefinition(d, i == 0 ? SymbolKind.Class : SymbolKind.Method, path, i + 1, i + 1, $"public {d}", i == 0 ? null : definitions[0], null)).ToList(), references);
        var text = string.Join(' ', definitions.Concat(references));
        return new FileAnalysis(new RepositoryFile(path, text.Length, Language: "csharp", Lines: 1), "0000", symbols, TermBag.ForFile(path, text, symbols.Definitions));
    }
}
