using CodegenBot.Testing;

namespace CodegenBot.Cli.Tests.Commands;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Show_PrintsEffectiveValuesWithTheirSourcesAndMasksSecrets()
    {
        _repo.WriteFile(".github/codegen.yml", "model:\n  temperature: 0.5\n  name: my-model\n  endpoint: https://user:hunter2@models.example.test/v1\n");
        var environment = TestEnvironment.With(("CODEGEN_CONTEXT__TOKEN_BUDGET", "9000"), ("OPENAI_API_KEY", "sk-do-not-print"));

        var (exitCode, output, _) = await CliRunner.RunAsync(_repo.Path, environment, "config", "show");

        Assert.Equal(0, exitCode);
        Assert.Contains("  temperature: 0.5  # .github/codegen.yml:2:16", output, StringComparison.Ordinal);
        Assert.Contains("  token_budget: 9000  # environment variable CODEGEN_CONTEXT__TOKEN_BUDGET", output, StringComparison.Ordinal);
        Assert.Contains("  endpoint: \"https://****@models.example.test/v1\"", output, StringComparison.Ordinal);
        Assert.Contains("  max_attempts: 3  # config/agent_config.yaml (shipped default):", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-do-not-print", output, StringComparison.Ordinal);
        Assert.Contains("# model in use: my-model via openai-compatible at https://****@models.example.test/v1, API key from OPENAI_API_KEY (****)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NoModel_SaysWhichModelWouldBeUsedOrWhyNone()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(_repo.Path, TestEnvironment.With(("GITHUB_TOKEN", "ghs_secret")), "config", "show", "--no-sources");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("# config/", output, StringComparison.Ordinal);
        Assert.EndsWith("# model in use: openai/gpt-4.1 via github-models at https://models.github.ai/inference, API key from GITHUB_TOKEN (****)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_GoodFile_SaysItIsValid()
    {
        var file = Path.Combine(_repo.Path, "good.yml");
        File.WriteAllText(file, "retry:\n  rate_limit:\n    max_attempts: 5\n");

        var (exitCode, output, _) = await CliRunner.RunAsync(_repo.Path, TestEnvironment.With(), "config", "validate", file);

        Assert.Equal(0, exitCode);
        Assert.Equal($"{file} is valid.\n", output);
    }

    [Fact]
    public async Task Validate_BadFile_ExitsTwoNamingLineKeyAndAllowedValues()
    {
        var file = Path.Combine(_repo.Path, "bad.yml");
        File.WriteAllText(file, "retry:\n  rate_limit:\n    strategy: random\n");

        var (exitCode, _, error) = await CliRunner.RunAsync(_repo.Path, TestEnvironment.With(), "config", "validate", file);

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: {file}:3:15: 'retry.rate_limit.strategy' must be one of exponential, linear, fixed, adaptive; it is 'random'.\n", error);
    }

    [Fact]
    public async Task Validate_NoFileGiven_ChecksTheRepositoryFile()
    {
        _repo.WriteFile(".github/codegen.yml", "git:\n  author_name: bot\n");

        var (exitCode, output, _) = await CliRunner.RunAsync(_repo.Path, TestEnvironment.With(), "config", "validate");

        Assert.Equal(0, exitCode);
        Assert.EndsWith(".github/codegen.yml is valid.\n", output, StringComparison.Ordinal);
    }
}
