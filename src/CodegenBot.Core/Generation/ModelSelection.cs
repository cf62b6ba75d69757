using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Generation;

/// <summary>The model a run will call. The API key itself is never part of it (so it cannot be printed).</summary>
/// <param name="Provider">The resolved provider (never <see cref="ModelProvider.Auto"/>).</param>
/// <param name="Endpoint">The base URL of the provider's API.</param>
/// <param name="Model">The model name.</param>
/// <param name="ApiKeyVariable">The environment variable holding the key, or null when the endpoint needs none.</param>
public sealed record ModelSelection(ModelProvider Provider, Uri Endpoint, string Model, string? ApiKeyVariable)
{
    /// <summary>The edit protocol in force: tools unless configured otherwise, text for openai-compatible servers on auto.</summary>
    public EditProtocol ProtocolFor(EditProtocol configured) =>
        configured != EditProtocol.Auto ? configured : Provider == ModelProvider.OpenaiCompatible ? EditProtocol.Text : EditProtocol.Tools;

    /// <summary>GitHub Models' inference endpoint.</summary>
    public static readonly Uri GitHubModelsEndpoint = new("https://models.github.ai/inference");

    /// <summary>OpenAI's endpoint.</summary>
    public static readonly Uri OpenAiEndpoint = new("https://api.openai.com/v1");

    /// <summary>Anthropic's endpoint (the SDK adds <c>/v1/messages</c>).</summary>
    public static readonly Uri AnthropicEndpoint = new("https://api.anthropic.com");

    /// <summary>
    /// Picks the model: explicit options first; else GITHUB_TOKEN means GitHub Models, OPENAI_API_KEY OpenAI,
    /// ANTHROPIC_API_KEY Anthropic; else a <see cref="UserErrorException"/> that says how to configure one.
    /// </summary>
    public static ModelSelection Resolve(ModelOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var keyVariable = options.ApiKeyEnv.Length > 0 ? options.ApiKeyEnv : null;
        if (keyVariable is not null && !IsSet(environment, keyVariable))
        {
            throw new UserErrorException($"The environment variable {keyVariable} named by model.api_key_env (--api-key-env) is not set; export it with your API key.");
        }

        var provider = options.Provider switch
        {
            ModelProvider.Auto when options.Endpoint.Length > 0 => ModelProvider.OpenaiCompatible,
            ModelProvider.Auto when keyVariable is not null => ModelProvider.Openai,
            ModelProvider.Auto when IsSet(environment, "GITHUB_TOKEN") => ModelProvider.GithubModels,
            ModelProvider.Auto when IsSet(environment, "OPENAI_API_KEY") => ModelProvider.Openai,
            ModelProvider.Auto when IsSet(environment, "ANTHROPIC_API_KEY") => ModelProvider.Anthropic,
            ModelProvider.Auto => throw new UserErrorException(
                "No model is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or GITHUB_TOKEN (GitHub Models), or pass --model-endpoint URL --model NAME [--api-key-env VAR] for an OpenAI-compatible server."),
            var explicitProvider => explicitProvider,
        };

        return provider switch
        {
            ModelProvider.GithubModels => new(provider, EndpointOr(options, GitHubModelsEndpoint), NameOr(options, "openai/gpt-4.1"), RequireKey(keyVariable ?? "GITHUB_TOKEN", environment, provider)),
            ModelProvider.Openai => new(provider, EndpointOr(options, OpenAiEndpoint), NameOr(options, "gpt-4.1"), RequireKey(keyVariable ?? "OPENAI_API_KEY", environment, provider)),
            ModelProvider.Anthropic => new(provider, EndpointOr(options, AnthropicEndpoint), NameOr(options, "claude-sonnet-4-5"), RequireKey(keyVariable ?? "ANTHROPIC_API_KEY", environment, provider)),
            ModelProvider.AzureOpenai => new(provider, EndpointOr(options, null, "azure-openai", "https://RESOURCE.openai.azure.com/openai/v1/"),
                NameOr(options, null, "azure-openai needs the deployment name; pass --model DEPLOYMENT or set model.name."), RequireKey(keyVariable ?? "AZURE_OPENAI_API_KEY", environment, provider)),
            _ => new(provider, EndpointOr(options, null), NameOr(options, null), keyVariable ?? (IsSet(environment, "OPENAI_API_KEY") ? "OPENAI_API_KEY" : null)),
        };
    }

    private static Uri EndpointOr(ModelOptions options, Uri? fallback, string provider = "openai-compatible", string example = "http://localhost:11434/v1")
    {
        if (options.Endpoint.Length == 0)
        {
            return fallback ?? throw new UserErrorException($"model.provider is {provider} but no endpoint is set; pass --model-endpoint {example} or set model.endpoint.");
        }

        return Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UserErrorException($"The model endpoint '{options.Endpoint}' is not an http(s) URL; pass a base URL such as http://localhost:11434/v1.");
    }

    private static string NameOr(ModelOptions options, string? fallback, string? missing = null) =>
        options.Name.Length > 0 ? options.Name
            : fallback ?? throw new UserErrorException(missing ?? "An OpenAI-compatible endpoint needs a model name; pass --model NAME or set model.name.");

    private static string RequireKey(string variable, IReadOnlyDictionary<string, string?> environment, ModelProvider provider) =>
        IsSet(environment, variable) ? variable
            : throw new UserErrorException($"model.provider is {ConfigNames.EnumValue(provider)} but {variable} is not set; export it, or name another variable with --api-key-env.");

    private static bool IsSet(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value);
}
