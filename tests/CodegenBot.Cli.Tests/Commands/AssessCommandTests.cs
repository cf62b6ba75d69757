using System.Text.Json;
using CodegenBot.Testing;

namespace CodegenBot.Cli.Tests.Commands;

public sealed class AssessCommandTests : IDisposable
{
    /// <summary>Longer than the C# limit of 120 characters: a CG1001 finding the base version already has.</summary>
    private static readonly string LongLine = "    // " + new string('x', 130) + "\n";

    private static readonly string Calculator =
        "namespace Billing;\n\n/// <summary>Adds.</summary>\npublic sealed class Calculator\n{\n" + LongLine
        + "    /// <summary>The sum.</summary>\n    public int Add(int a, int b) => a + b;\n}\n";

    private readonly string _cache = Directory.CreateTempSubdirectory("codegen-cli-assess-").FullName;
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(
        ("src/Calculator.cs", Calculator),
        ("tests/CalculatorTests.cs", "namespace Billing.Tests;\n\n/// <summary>Tests.</summary>\npublic sealed class CalculatorTests\n{\n}\n"),
        ("README.md", "# Billing\n"));

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task Assess_Table_ShowsVerdictDimensionsAndFindings()
    {
        var (exitCode, output, error) = await RunAsync("assess");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("Quality: passed; overall ", output, StringComparison.Ordinal);
        Assert.Contains("Files: 2 analysed, 1 without an analyzer", output, StringComparison.Ordinal);
        Assert.Contains("│ Maintainability │", output, StringComparison.Ordinal);
        Assert.Contains("src/Calculator.cs:6:121", output, StringComparison.Ordinal);
        Assert.Contains("CG1001", output, StringComparison.Ordinal);
        Assert.Contains("Passed: overall", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Json_IsTheDocumentedShape()
    {
        var (exitCode, output, error) = await RunAsync("assess", "--format", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(["src/Calculator.cs", "tests/CalculatorTests.cs"], json.RootElement.GetProperty("analyzedFiles").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["README.md"], json.RootElement.GetProperty("skippedFiles").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(7, json.RootElement.GetProperty("dimensions").GetArrayLength());
        Assert.Equal("readability", json.RootElement.GetProperty("findings")[0].GetProperty("dimension").GetString());
    }

    [Fact]
    public async Task Assess_Markdown_IsTheQualitySectionWithLinksInsideActions()
    {
        var environment = TestEnvironment.With(
            ("CODEGEN_CONTEXT__CACHE_DIRECTORY", _cache), ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "o/r"), ("GITHUB_SHA", "abc123"));

        var (exitCode, output, error) = await CliRunner.RunAsync(_repo.Path, environment, "assess", "src", "--format", "markdown");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("### Quality ✅ passed", output, StringComparison.Ordinal);
        Assert.Contains("| maintainability |", output, StringComparison.Ordinal);
        Assert.Contains("[`src/Calculator.cs:6`](https://github.com/o/r/blob/abc123/src/Calculator.cs#L6) **CG1001**", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_SarifToAFile_WritesAValidLogAndNothingToStdout()
    {
        var file = Path.Combine(_cache, "quality.sarif");

        var (exitCode, output, error) = await RunAsync("assess", "--format", "sarif", "--output", file);

        Assert.True(exitCode == 0, error);
        Assert.Equal("", output);
        Assert.Contains($"Written to {file}.", error, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("CodegenBot", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var result = run.GetProperty("results")[0];
        Assert.Equal("CG1001", result.GetProperty("ruleId").GetString());
        Assert.Equal("note", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Calculator.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(6, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task Assess_RelativeOutputAndMissingConfig_ResolveAgainstTheWorkingDirectory()
    {
        var (exitCode, _, error) = await RunAsync("assess", "--format", "json", "--output", "quality.json");

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(_repo.Path, "quality.json")));

        var (missingExit, _, missingError) = await RunAsync("assess", "--config", "nope.yml");

        Assert.Equal(2, missingExit);
        Assert.Contains($"--config {Path.Combine(_repo.Path, "nope.yml")} does not exist", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_ChangedSince_AssessesChangedFilesAndSetsApartWhatTheBaseHad()
    {
        _repo.WriteFile("src/Calculator.cs", Calculator.Replace("a + b;", "checked(a + b);", StringComparison.Ordinal));

        var (exitCode, output, error) = await RunAsync("assess", "--changed-since", "HEAD", "--format", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("HEAD", json.RootElement.GetProperty("baseRef").GetString());
        Assert.Equal(["src/Calculator.cs"], json.RootElement.GetProperty("analyzedFiles").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "CG1001");
        var preexisting = Assert.Single(json.RootElement.GetProperty("preexistingFindings").EnumerateArray());
        Assert.Equal("CG1001", preexisting.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Assess_ChangedSinceWithNothingChanged_PassesAndSaysSo()
    {
        var (exitCode, _, error) = await RunAsync("assess", "--changed-since", "HEAD");

        Assert.Equal(0, exitCode);
        Assert.Contains("No file changed since HEAD.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_UnknownRevision_ExitsTwoWithWhatToDo()
    {
        var (exitCode, output, error) = await RunAsync("assess", "--changed-since", "no-such-branch");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            "error: --changed-since no-such-branch: no such commit, branch or tag; use a revision git knows here, such as HEAD~1 or origin/main (in a shallow clone, fetch it first).\n",
            error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Assess_SyntaxError_ExitsOneBelowTheThreshold()
    {
        _repo.WriteFile("src/Broken.cs", "namespace Billing;\n\ninternal sealed class Broken { void M() { int x = 1 } }\n");

        var (exitCode, output, error) = await RunAsync("assess", "src/Broken.cs");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Quality: BELOW THE THRESHOLD", output, StringComparison.Ordinal);
        Assert.Contains("│ Correctness     │ 75    │ 100       │ FAILED │", output, StringComparison.Ordinal);
        Assert.Contains("Below the threshold: overall", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "Argument 'xml' not recognized")]
    [InlineData("missing/folder", null, "does not exist; pass a file or folder of a git checkout.")]
    public async Task Assess_BadUsage_ExitsTwo(string first, string? second, string expected)
    {
        var (exitCode, _, error) = await RunAsync(second is null ? ["assess", first] : ["assess", first, second]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version", 0, "passed")]
    [InlineData("no-such-git-command", 1, "failed")]
    public async Task Assess_ValidateWithConfiguredCommand_ReportsItAndFailsWhenItFails(string argument, int expectedExit, string expectedResult)
    {
        var config = Path.Combine(_cache, "codegen.yml");
        File.WriteAllText(config, $"quality:\n  validation:\n    commands:\n      - name: git check\n        kind: lint\n        run: [git, {argument}]\n");

        var (exitCode, output, error) = await RunAsync("assess", "--validate", "--config", config, "--format", "json");

        Assert.True(exitCode == expectedExit, error);
        using var json = JsonDocument.Parse(output);
        var command = Assert.Single(json.RootElement.GetProperty("validation").GetProperty("commands").EnumerateArray());
        Assert.Equal(("git check", expectedResult), (command.GetProperty("name").GetString(), command.GetProperty("result").GetString()));
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRunner.RunAsync(_repo.Path, TestEnvironment.With(("CODEGEN_CONTEXT__CACHE_DIRECTORY", _cache)), args);
}
