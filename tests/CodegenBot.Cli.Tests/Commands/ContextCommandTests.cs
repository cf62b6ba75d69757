using System.Text.Json;
using CodegenBot.Cli.Commands;
using CodegenBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodegenBot.Cli.Tests.Commands;

public sealed class ContextCommandTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("codegen-cli-ctx-").FullName;
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(
        ("AGENTS.md", "- Keep methods short and named for what they do.\n"),
        ("src/Billing/InvoiceCalculator.cs", "namespace Billing;\n\npublic sealed class InvoiceCalculator\n{\n    public decimal Total(decimal net) => net * 1.2m;\n}\n"),
        ("src/Billing/Currency.cs", "namespace Billing;\n\npublic enum Currency { Eur, Usd }\n"),
        ("src/Shipping/Parcel.cs", "namespace Shipping;\n\npublic sealed class Parcel { }\n"));

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task Context_Text_ShowsRankedFilesReasonsStandardsAndCacheState()
    {
        var (exitCode, output, error) = await RunAsync("context", "--repo", _repo.Path, "--task", "The invoice total is wrong in InvoiceCalculator.cs");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Index: 4 files, 4 analysed, 0 reused from the cache; tree cache miss", output, StringComparison.Ordinal);
        var firstRow = output.Split('\n').First(l => l.Contains("│ 1 ", StringComparison.Ordinal));
        Assert.Contains("src/Billing/InvoiceCalculator.cs", firstRow, StringComparison.Ordinal);
        Assert.Contains("FullText", firstRow, StringComparison.Ordinal);
        Assert.Contains("- Keep methods short and named for what they do.", output, StringComparison.Ordinal);

        var (_, second, _) = await RunAsync("context", "--repo", _repo.Path, "--task", "The invoice total is wrong in InvoiceCalculator.cs");
        Assert.Contains("tree cache hit", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_Json_IsMachineReadable()
    {
        var (exitCode, output, _) = await RunAsync("context", "--repo", _repo.Path, "--task", "parcel shipping", "--format", "json", "--budget", "2000");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2000, json.RootElement.GetProperty("tokenBudget").GetInt32());
        Assert.Equal("src/Shipping/Parcel.cs", json.RootElement.GetProperty("coverage")[0].GetProperty("path").GetString());
        Assert.Equal("FullText", json.RootElement.GetProperty("coverage")[0].GetProperty("tier").GetString());
    }

    [Theory]
    [InlineData("--budget", "10", "--budget must be at least 1000 tokens.")]
    [InlineData("--format", "xml", "Argument 'xml' not recognized")]
    public async Task Context_BadOptions_ExitTwo(string option, string value, string expected)
    {
        var (exitCode, _, error) = await RunAsync("context", "--repo", _repo.Path, "--task", "x", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Context_Json_StartsItsPhasesWithTheStartUpOnlyWhenItOwnsTheProcess(bool ownsProcess)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = TestEnvironment.With(("CODEGEN_CONTEXT__CACHE_DIRECTORY", _cache), ("XDG_STATE_HOME", CliRunner.StateHome)),
            CurrentDirectory = _repo.Path,
            OwnsProcess = ownsProcess,
        };

        var exitCode = await CodegenCli.RunAsync(["context", "--repo", _repo.Path, "--task", "parcel", "--format", "json"], context, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var phases = json.RootElement.GetProperty("phases").EnumerateArray().ToList();
        var first = phases[0].GetProperty("name").GetString();
        if (ownsProcess)
        {
            // Inside the test host, "the process" started with it: seconds ago, never negative.
            Assert.Equal("start-up (process start to indexing)", first);
            Assert.True(TimeSpan.Parse(phases[0].GetProperty("elapsed").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
        }
        else
        {
            Assert.Equal("index", first);
            Assert.DoesNotContain(phases, p => p.GetProperty("name").GetString()!.StartsWith("start-up", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ContextJson_WrittenByGeneratedCode_IsWhatTheReflectionSerializerWrites()
    {
        var context = new CliContext
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            Environment = TestEnvironment.With(("CODEGEN_CONTEXT__CACHE_DIRECTORY", _cache), ("XDG_STATE_HOME", CliRunner.StateHome)),
            CurrentDirectory = _repo.Path,
        };
        var options = new CodegenBot.Core.Configuration.CodegenOptions { Context = new() { CacheDirectory = _cache } };
        await using var services = CliServices.Build(context, options, verbose: false);
        var engine = services.GetRequiredService<CodegenBot.Core.Context.ContextEngineFactory>().Create(options);
        // A named file too big for the budget (a warning), one that is missing, and quotes, brackets and non-ASCII text.
        _repo.WriteFile("src/Billing/Ledger.cs", "namespace Billing;\n\n/// <summary>Écritures « comptables » & <soldes>.</summary>\npublic sealed class Ledger\n{\n"
            + string.Concat(Enumerable.Range(0, 300).Select(i => $"    public decimal Entry{i}(decimal amount) => amount * {i};\n")) + "}\n").Commit("ledger");
        var gathered = await engine.BuildAsync(
            _repo.Path, _repo.Path, CodegenBot.Core.Context.Tasks.TaskParser.Parse("Fix src/Billing/Ledger.cs and src/Billing/Missing.cs <\"&'> é"),
            1000, TestContext.Current.CancellationToken);

        Assert.NotEmpty(gathered.MentionedButMissing);
        Assert.NotEmpty(gathered.Warnings);
        Assert.NotEmpty(gathered.Coverage);
        Assert.NotEmpty(gathered.TeamStandards);
        Assert.Equal(JsonSerializer.Serialize(gathered, CliJson.Options), CliJsonContext.Write(gathered));
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRunner.RunAsync(_repo.Path, TestEnvironment.With(("CODEGEN_CONTEXT__CACHE_DIRECTORY", _cache)), args);
}
