using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Tests.Generation;

public sealed class ModelSelectionTests
{
    [Fact]
    public void Resolve_GitHubTokenOnly_PicksGitHubModels()
    {
        var selection = ModelSelection.Resolve(new ModelOptions(), Env(("GITHUB_TOKEN", "ghs_x")));

        Assert.Equal(new ModelSelection(ModelProvider.GithubModels, ModelSelection.GitHubModelsEndpoint, "openai/gpt-4.1", "GITHUB_TOKEN"), selection);
    }

    [Fact]
    public void Resolve_OpenAiKeyOnly_PicksOpenAi()
    {
        var selection = ModelSelection.Resolve(new ModelOptions(), Env(("OPENAI_API_KEY", "sk-x")));

        Assert.Equal(new ModelSelection(ModelProvider.Openai, ModelSelection.OpenAiEndpoint, "gpt-4.1", "OPENAI_API_KEY"), selection);
    }

    [Fact]
    public void Resolve_BothTokens_PrefersGitHubModels()
    {
        var selection = ModelSelection.Resolve(new ModelOptions(), Env(("OPENAI_API_KEY", "sk-x"), ("GITHUB_TOKEN", "ghs_x")));

        Assert.Equal(ModelProvider.GithubModels, selection.Provider);
    }

    [Fact]
    public void Resolve_ExplicitEndpoint_WinsOverTokens()
    {
        var options = new ModelOptions { Endpoint = "http://127.0.0.1:11434/v1", Name = "llama3", ApiKeyEnv = "LOCAL_KEY" };

        var selection = ModelSelection.Resolve(options, Env(("GITHUB_TOKEN", "ghs_x"), ("LOCAL_KEY", "k")));

        Assert.Equal(new ModelSelection(ModelProvider.OpenaiCompatible, new Uri("http://127.0.0.1:11434/v1"), "llama3", "LOCAL_KEY"), selection);
    }

    [Fact]
    public void Resolve_NothingConfigured_SaysHowToConfigureAModel()
    {
        var error = Assert.Throws<UserErrorException>(() => ModelSelection.Resolve(new ModelOptions(), Env()));

        Assert.StartsWith("No model is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or GITHUB_TOKEN (GitHub Models), or pass --model-endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ApiKeyEnvNotSet_NamesTheVariable()
    {
        var error = Assert.Throws<UserErrorException>(() => ModelSelection.Resolve(new ModelOptions { ApiKeyEnv = "MY_KEY" }, Env()));

        Assert.Equal("The environment variable MY_KEY named by model.api_key_env (--api-key-env) is not set; export it with your API key.", error.Message);
    }

    [Fact]
    public void Resolve_CompatibleEndpointWithoutModel_AsksForAModelName()
    {
        var error = Assert.Throws<UserErrorException>(() => ModelSelection.Resolve(new ModelOptions { Endpoint = "http://127.0.0.1:1/v1" }, Env()));

        Assert.Contains("--model NAME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EndpointNotHttp_IsRefused()
    {
        var error = Assert.Throws<UserErrorException>(() => ModelSelection.Resolve(new ModelOptions { Endpoint = "ftp://x", Name = "m" }, Env()));

        Assert.Contains("is not an http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverContainsTheKey()
    {
        var selection = ModelSelection.Resolve(new ModelOptions(), Env(("OPENAI_API_KEY", "sk-very-secret")));

        Assert.DoesNotContain("sk-very-secret", selection.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);
}
