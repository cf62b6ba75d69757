using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Tests.Context.Ranking;

public sealed class FileRankerTests
{
    private static readonly FileSymbols Retry = File("src/Http/RetryPolicy.cs", ["RetryPolicy", "NextDelay"], ["TimeSpan", "Jitter"]);
    private static readonly FileSymbols Jitter = File("src/Http/Jitter.cs", ["Jitter"], ["Random"]);
    private static readonly FileSymbols Client = File("src/Http/ApiClient.cs", ["ApiClient", "SendAsync"], ["RetryPolicy", "HttpClient"]);
    private static readonly FileSymbols Unrelated = File("src/Reports/PdfWriter.cs", ["PdfWriter"], ["Stream"]);
    private static readonly FileSymbols RetryTests = File("tests/RetryPolicyTests.cs", ["RetryPolicyTests"], ["RetryPolicy"]);

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

        Assert.True(Index(ranked, Jitter.Path) < Index(ranked, Unrelated.Path));
        Assert.Contains("uses or is used by the relevant files", ranked[Index(ranked, Jitter.Path)].Reasons);
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

        Assert.True(Index(ranked, RetryTests.Path) <= 2);
    }

    [Fact]
    public void Rank_SameInput_SameOrder()
    {
        var task = Task("http retry");
        var first = FileRanker.Rank([Unrelated, Jitter, Retry, Client], task);
        var second = FileRanker.Rank([Client, Retry, Jitter, Unrelated], task);

        Assert.Equal(first.Select(r => r.Path), second.Select(r => r.Path));
    }

    private static int Index(IReadOnlyList<RankedFile> ranked, string path) => ranked.ToList().FindIndex(r => r.Path == path);

    private static TaskContext Task(string text, string[]? files = null, string[]? symbols = null, StackFrame[]? frames = null) =>
        new() { Text = text, FilePaths = files ?? [], SymbolNames = symbols ?? [], StackFrames = frames ?? [] };

    private static FileSymbols File(string path, string[] definitions, string[] references) =>
        new(path, "csharp", definitions.Select((d, i) => new SymbolDefinition(d, i == 0 ? SymbolKind.Class : SymbolKind.Method, path, i + 1, i + 1, $"public {d}", i == 0 ? null : definitions[0], null)).ToList(), references);
}
