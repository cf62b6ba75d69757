using CodegenBot.Testing;

namespace CodegenBot.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IAsyncLifetime
{
    private const string Original = "namespace Demo;\n\npublic sealed class Greeter\n{\n    public string Hello(string name) => $\"Hello, {name}\";\n}\n";

    private FakeModelServer _server = null!;
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(("src/Greeter.cs", Original), ("AGENTS.md", "Keep methods short.\n"));

    public async ValueTask InitializeAsync() => _server = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _repo.Dispose();
    }

    [Fact]
    public async Task Generate_SyntaxErrorThenGoodAnswer_CommitsOnANewBranchAndReportsBothAttempts()
    {
        var originalBranch = _repo.CurrentBranch;
        var originalHead = _repo.HeadSha;
        _server.Enqueue(FakeResponse.Text(GoodbyeEdit("    public string Goodbye(string name) => $\"Goodbye, {name}\"\n")));
        _server.Enqueue(FakeResponse.Text(GoodbyeEdit("    public string Goodbye(string name) => $\"Goodbye, {name}\";\n"), promptTokens: 1200, completionTokens: 80));

        var (exitCode, output, error) = await GenerateAsync("--task", "Add a Goodbye method to Greeter.cs");

        Assert.True(exitCode == 0, error);
        const string branch = "codegen/add-a-goodbye-method-to-greeter-cs";
        Assert.Contains(branch, _repo.Branches);
        Assert.Contains("Goodbye, {name}\";", _repo.FileAtBranch(branch, "src/Greeter.cs"), StringComparison.Ordinal);
        Assert.StartsWith("Add a Goodbye method to Greeter.cs\n", _repo.CommitMessage(branch), StringComparison.Ordinal);
        Assert.Equal(originalBranch, _repo.CurrentBranch);
        Assert.Equal(originalHead, _repo.HeadSha);
        Assert.Equal(Original, _repo.ReadFile("src/Greeter.cs"));
        Assert.True(_repo.IsClean, _repo.Status());

        Assert.Contains("## CodegenBot ✅ change committed", output, StringComparison.Ordinal);
        Assert.Contains("| Attempts | 2 |", output, StringComparison.Ordinal);
        Assert.Contains("| 1 | failed | QUALITY_THRESHOLD | 1 |", output, StringComparison.Ordinal);
        Assert.Contains("| 2 | passed | - | 0 |", output, StringComparison.Ordinal);
        Assert.Contains("`src/Greeter.cs:6:61` **CS1002** (correctness, error): ; expected", output, StringComparison.Ordinal);
        Assert.Contains("| `src/Greeter.cs` | modified | -1 +2 |", output, StringComparison.Ordinal);
        Assert.Contains("| Tokens | 1300 in (0 from the provider's cache), 130 out |", output, StringComparison.Ordinal);
        Assert.Contains("| `AGENTS.md` | team instructions |", output, StringComparison.Ordinal);
        Assert.Contains("| `src/Greeter.cs` | full text |", output, StringComparison.Ordinal);
        Assert.Contains("| model |", output, StringComparison.Ordinal);
        Assert.Contains($"Done: committed {_repo.BranchTipSha(branch)![..7]} on branch {branch}.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ReportOption_WritesTheReportToTheFile()
    {
        _server.Enqueue(FakeResponse.Text(GoodbyeEdit("    public string Goodbye(string name) => $\"Goodbye, {name}\";\n")));
        var reportFile = Path.Combine(Path.GetTempPath(), $"codegen-report-{Guid.NewGuid():N}.md");
        try
        {
            var (exitCode, output, _) = await GenerateAsync("--task", "Add Goodbye", "--report", reportFile);

            Assert.Equal(0, exitCode);
            Assert.Equal("", output);
            Assert.Contains("| Attempts | 1 |", File.ReadAllText(reportFile), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(reportFile);
        }
    }

    [Fact]
    public async Task Generate_DryRun_PrintsTheDiffAndLeavesNoBranch()
    {
        _server.Enqueue(FakeResponse.Text(GoodbyeEdit("    public string Goodbye(string name) => $\"Goodbye, {name}\";\n")));

        var (exitCode, output, _) = await GenerateAsync("--task", "Add Goodbye", "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Contains("+    public string Goodbye(string name) => $\"Goodbye, {name}\";", output, StringComparison.Ordinal);
        Assert.Contains("dry run, nothing committed", output, StringComparison.Ordinal);
        Assert.Equal([_repo.CurrentBranch], _repo.Branches);
    }

    [Fact]
    public async Task Generate_TaskFileAndMode_AreUsed()
    {
        var taskFile = Path.Combine(Path.GetTempPath(), $"codegen-task-{Guid.NewGuid():N}.md");
        File.WriteAllText(taskFile, "# Greeter crashes on null\n\nHello(null) throws.\n");
        _server.Enqueue(FakeResponse.Text("GreeterTests.Hello_Null reproduces it.\n\n" + GoodbyeEdit("    public string Goodbye(string name) => $\"Goodbye, {name}\";\n")));
        try
        {
            var (exitCode, _, _) = await GenerateAsync("--task-file", taskFile, "--mode", "bugfix");

            Assert.Equal(0, exitCode);
            Assert.Contains("codegen/greeter-crashes-on-null", _repo.Branches);
            Assert.Contains("# Task (bug fixing)", _server.Requests[0].Messages[^1].Content, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(taskFile);
        }
    }

    [Fact]
    public async Task Generate_ModelNeverProducesValidCode_ExitsOneWithTheReason()
    {
        _server.Respond(_ => FakeResponse.Text(GoodbyeEdit("    public string Goodbye( => \n")));

        var (exitCode, output, error) = await GenerateAsync("--task", "Add Goodbye");

        Assert.Equal(1, exitCode);
        Assert.Contains("## CodegenBot ❌ gave up", output, StringComparison.Ordinal);
        Assert.Contains("Gave up: Stopped after 2 attempt(s): attempt 2 failed with the same QUALITY_THRESHOLD findings as attempt 1", error, StringComparison.Ordinal);
        Assert.Equal([_repo.CurrentBranch], _repo.Branches);
    }

    [Fact]
    public async Task Generate_NoModelConfigured_ExitsTwoWithHowToConfigureOne()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(_repo.Path, TestEnvironment.With(), "generate", "--task", "x");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("error: No model is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or GITHUB_TOKEN (GitHub Models)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_DirtyWorkTree_ExitsTwoAndTouchesNothing()
    {
        _repo.WriteFile("src/Greeter.cs", "// work in progress\n");

        var (exitCode, _, error) = await GenerateAsync("--task", "Add Goodbye");

        Assert.Equal(2, exitCode);
        Assert.Contains("uncommitted change(s) (src/Greeter.cs); commit or stash them first", error, StringComparison.Ordinal);
        Assert.Equal("// work in progress\n", _repo.ReadFile("src/Greeter.cs"));
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("model:\n  temprature: 0.1\n", "error: .github/codegen.yml:2:15: unknown key 'model.temprature' (did you mean 'temperature'?)")]
    [InlineData("model: [oops\n", "error: .github/codegen.yml:")]
    public async Task Generate_InvalidRepositoryConfiguration_ExitsTwoBeforeAnyWork(string yaml, string expected)
    {
        _repo.WriteFile(".github/codegen.yml", yaml).Commit("config");

        var (exitCode, _, error) = await GenerateAsync("--task", "Add Goodbye");

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(new string[0], "Give the task either as --task TEXT or as --task-file FILE")]
    [InlineData(new[] { "--task", "a", "--task-file", "b.md" }, "Give the task either as --task TEXT or as --task-file FILE")]
    [InlineData(new[] { "--task-file", "/nonexistent/task.md" }, "The task file '/nonexistent/task.md' does not exist")]
    [InlineData(new[] { "--task", "  " }, "The task is empty")]
    [InlineData(new[] { "--task", "a", "--mode", "rewrite" }, "error: Cannot parse argument 'rewrite' for option '--mode'")]
    public async Task Generate_BadTaskArguments_ExitTwoWithTheProblem(string[] args, string expected)
    {
        var (exitCode, _, error) = await GenerateAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ApiKeyFromNamedVariable_IsSentButNeverPrinted()
    {
        _server.Enqueue(FakeResponse.Text(GoodbyeEdit("    public string Goodbye(string name) => $\"Goodbye, {name}\";\n")));
        var environment = TestEnvironment.With(("MY_MODEL_KEY", "sk-test-secret-123"));

        var (exitCode, output, error) = await CliRunner.RunAsync(
            _repo.Path, environment, "generate", "--task", "Add Goodbye", "--model-endpoint", _server.BaseUrl.ToString(), "--model", "test-model", "--api-key-env", "MY_MODEL_KEY");

        Assert.Equal(0, exitCode);
        Assert.Equal("Bearer sk-test-secret-123", _server.Requests[0].Headers["Authorization"]);
        Assert.DoesNotContain("sk-test-secret-123", output + error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Out, string Error)> GenerateAsync(params string[] args) =>
        CliRunner.RunAsync(
            _repo.Path,
            TestEnvironment.With(("CODEGEN_RETRY__API_ERROR__BASE_DELAY", "10ms")),
            ["generate", "--repo", _repo.Path, "--model-endpoint", _server.BaseUrl.ToString(), "--model", "test-model", .. args]);

    private static string GoodbyeEdit(string newLine) =>
        "src/Greeter.cs\n```csharp\n<<<<<<< SEARCH\n    public string Hello(string name) => $\"Hello, {name}\";\n=======\n" +
        "    public string Hello(string name) => $\"Hello, {name}\";\n" + newLine + ">>>>>>> REPLACE\n```\n";
}
