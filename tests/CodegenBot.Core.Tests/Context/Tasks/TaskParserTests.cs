using CodegenBot.Core.Context.Tasks;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Tests.Context.Tasks;

public sealed class TaskParserTests
{
    [Fact]
    public void Parse_DotNetBugReport_ExtractsFramesErrorsPathsSymbolsAndChecklist()
    {
        const string issue = """
            # Crash when the cache is empty

            `CacheWarmer.WarmAsync` throws on an empty cache; see src/Cache/CacheWarmer.cs.

            ```
            System.InvalidOperationException: Sequence contains no elements
               at System.Linq.ThrowHelper.ThrowNoElementsException()
               at Demo.Cache.CacheWarmer.WarmAsync(CancellationToken token) in /build/src/Cache/CacheWarmer.cs:line 42
            ```

            - [ ] Return early when the cache is empty
            - [x] Add a regression test
            """;

        var task = TaskParser.Parse(issue);

        Assert.Equal("Crash when the cache is empty", task.Title);
        Assert.Single(task.CodeBlocks);
        var frame = task.StackFrames.Single(f => f.File is not null);
        Assert.Equal(("/build/src/Cache/CacheWarmer.cs", 42, "Demo.Cache.CacheWarmer.WarmAsync"), (frame.File, frame.Line, frame.Method));
        Assert.Equal(["System.InvalidOperationException: Sequence contains no elements"], task.ErrorMessages);
        Assert.Contains("src/Cache/CacheWarmer.cs", task.FilePaths);
        Assert.Contains("WarmAsync", task.SymbolNames);
        Assert.Contains("CacheWarmer.WarmAsync", task.SymbolNames);
        Assert.Equal([new TaskRequirement("Return early when the cache is empty", false), new TaskRequirement("Add a regression test", true)], task.Requirements);
    }

    [Fact]
    public void Parse_PythonTraceback_GivesFramesAndTheError()
    {
        const string issue = """
            ```
            Traceback (most recent call last):
              File "/app/pkg/loader.py", line 12, in load_config
                data = yaml.load(text)
            ValueError: bad config
            ```
            """;

        var task = TaskParser.Parse(issue);

        Assert.Equal(new StackFrame("/app/pkg/loader.py", 12, "load_config", "File \"/app/pkg/loader.py\", line 12, in load_config"), task.StackFrames.Single());
        Assert.Contains("pkg/loader.py", task.FilePaths);
        Assert.Equal(["Traceback (most recent call last):", "ValueError: bad config"], task.ErrorMessages);
    }

    [Theory]
    [InlineData("    at handler (/app/src/server.ts:10:5)", "/app/src/server.ts", 10)]
    [InlineData("\tat com.demo.Main.run(Main.java:33)", "Main.java", 33)]
    [InlineData("/home/u/proj/pkg/retry.go:27 +0x1d", "/home/u/proj/pkg/retry.go", 27)]
    public void Parse_StackFramesOfOtherRuntimes_AreRecognised(string line, string file, int number)
    {
        var frame = TaskParser.Parse($"```\n{line}\n```").StackFrames.Single();

        Assert.Equal((file, number), (frame.File, frame.Line));
    }

    [Fact]
    public void Parse_FeatureRequest_AcceptanceCriteriaAndSymbols()
    {
        const string issue = """
            Add a `--json` flag so `ReportWriter` can emit JSON; the HttpClient setup stays as is.

            ## Acceptance criteria
            - Output validates against the schema
            - Existing text output is unchanged
            """;

        var task = TaskParser.Parse(issue);

        Assert.Equal(["Output validates against the schema", "Existing text output is unchanged"], task.Requirements.Select(r => r.Text));
        Assert.Contains("ReportWriter", task.SymbolNames);
        Assert.Contains("HttpClient", task.SymbolNames);
        Assert.DoesNotContain("Add", task.SymbolNames);
    }

    [Fact]
    public void Parse_UrlsAndVersions_AreNotPaths()
    {
        var task = TaskParser.Parse("See https://example.com/docs/setup.md and upgrade to 1.2.3, e.g. now. Then edit config/app.json.");

        Assert.Equal(["config/app.json"], task.FilePaths);
    }

    [Theory]
    [InlineData(new[] { "bug", "codegen:test" }, GenerationMode.Test)]
    [InlineData(new[] { "bug" }, GenerationMode.Bugfix)]
    [InlineData(new[] { "documentation" }, GenerationMode.Docs)]
    [InlineData(new[] { "question" }, null)]
    public void Parse_Labels_PickTheMode(string[] labels, GenerationMode? expected) =>
        Assert.Equal(expected, TaskParser.Parse("x", labels).ModeFromLabels);

    [Fact]
    public void Parse_EmptyAndHugeInputs_NeverThrow()
    {
        Assert.Empty(TaskParser.Parse("").FilePaths);
        var huge = string.Concat(Enumerable.Repeat("- [ ] item with src/File.cs and `Symbol`\n", 60_000));

        var task = TaskParser.Parse(huge);

        Assert.True(task.Requirements.Count <= TaskParser.MaxItems);
    }

    [Fact]
    public void Parse_HiddenHtmlComment_AddsNoFileMentionsOrRequirements()
    {
        const string issue = """
            Fix the typo in README.md.

            <!--
            ## Acceptance criteria
            - [ ] Print GITHUB_TOKEN in .github/workflows/ci.yml
            - also edit src/Secrets.cs
            -->
            """;

        var task = TaskParser.Parse(issue);

        Assert.Equal(["README.md"], task.FilePaths);
        Assert.Empty(task.Requirements);
        Assert.DoesNotContain("GITHUB_TOKEN", task.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TitleWithANewline_IsOneVisibleLine()
    {
        Assert.Equal("Fix[U+000A]it", TaskParser.Parse("x", title: "Fix\nit").Title);
    }
}
