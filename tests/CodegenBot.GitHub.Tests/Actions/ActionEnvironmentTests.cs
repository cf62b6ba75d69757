using CodegenBot.Core;
using CodegenBot.GitHub.Actions;

namespace CodegenBot.GitHub.Tests.Actions;

public sealed class ActionEnvironmentTests
{
    private static readonly Dictionary<string, string?> Runner = new(StringComparer.Ordinal)
    {
        ["GITHUB_EVENT_NAME"] = "issues",
        ["GITHUB_EVENT_PATH"] = "/github/workflow/event.json",
        ["GITHUB_REPOSITORY"] = "octo-org/hello-world",
        ["GITHUB_WORKSPACE"] = "/github/workspace",
        ["GITHUB_RUN_ID"] = "77",
        ["INPUT_GITHUB_TOKEN"] = "ghs_abc",
    };

    [Fact]
    public void Read_RunnerVariables_AreTaken()
    {
        var action = ActionEnvironment.Read(Runner, "/tmp");

        Assert.Equal(("issues", "octo-org/hello-world", "/github/workspace", "ghs_abc"), (action.EventName, action.Repository.ToString(), action.Workspace, action.Token));
        Assert.Equal("https://github.com/octo-org/hello-world/actions/runs/77", action.RunUrl);
        Assert.Equal(new Uri("https://api.github.com"), action.ApiUrl);
        Assert.False(action.AssessOnly);
    }

    [Fact]
    public void Read_Inputs_BecomeConfigurationOverrides()
    {
        var action = ActionEnvironment.Read(With(("INPUT_MODEL_PROVIDER", "openai"), ("INPUT_MODEL", "gpt-4.1"), ("INPUT_MAX_ATTEMPTS", "2"), ("INPUT_QUALITY_THRESHOLD", "80"),
            ("INPUT_DRAFT", "true"), ("INPUT_TRIGGER_LABEL", "bot"), ("INPUT_API_KEY", "sk-secret")), "/tmp");

        var overrides = action.Overrides.ToDictionary(o => o.Path, o => o.Value, StringComparer.Ordinal);
        Assert.Equal("openai", overrides["model.provider"]);
        Assert.Equal("gpt-4.1", overrides["model.name"]);
        Assert.Equal("2", overrides["retry.quality_threshold.max_attempts"]);
        Assert.Equal("2", overrides["retry.validation_failed.max_attempts"]);
        Assert.Equal("80", overrides["quality.overall_threshold"]);
        Assert.Equal("true", overrides["github.draft"]);
        Assert.Equal("bot", overrides["github.trigger_label"]);
        Assert.Equal(ActionEnvironment.ApiKeyVariable, overrides["model.api_key_env"]);
        var engine = action.EngineEnvironment(Runner);
        Assert.Equal("sk-secret", engine[ActionEnvironment.ApiKeyVariable]);
        Assert.Equal("ghs_abc", engine["GITHUB_TOKEN"]);
    }

    [Fact]
    public void Read_DraftFalse_OverridesNothing() =>
        Assert.DoesNotContain(ActionEnvironment.Read(With(("INPUT_DRAFT", "false")), "/tmp").Overrides, o => o.Path == "github.draft");

    [Fact]
    public void Read_AssessCommand_IsAssessOnly() =>
        Assert.True(ActionEnvironment.Read(With(("CODEGEN_ACTION_COMMAND", "assess")), "/tmp").AssessOnly);

    [Theory]
    [InlineData("GITHUB_EVENT_NAME", null, "GITHUB_EVENT_NAME is not set")]
    [InlineData("GITHUB_REPOSITORY", "nope", "GITHUB_REPOSITORY is 'nope'")]
    [InlineData("INPUT_ISSUE_NUMBER", "twelve", "issue_number input 'twelve'")]
    [InlineData("INPUT_MODE", "rewrite", "mode input 'rewrite'")]
    [InlineData("INPUT_API_KEY", "sk-x", "say whose key it is with model_provider")]
    public void Read_BadOrMissing_IsAUserErrorNamingIt(string name, string? value, string expected)
    {
        var environment = new Dictionary<string, string?>(Runner, StringComparer.Ordinal) { [name] = value };

        var error = Assert.Throws<UserErrorException>(() => ActionEnvironment.Read(environment, "/tmp"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoToken_SaysHowToPassIt()
    {
        var environment = new Dictionary<string, string?>(Runner, StringComparer.Ordinal) { ["INPUT_GITHUB_TOKEN"] = "" };

        Assert.Contains("github_token", Assert.Throws<UserErrorException>(() => ActionEnvironment.Read(environment, "/tmp")).Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> With(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?>(Runner, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }
}
