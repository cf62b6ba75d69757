using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>Which model provider to call, and the limits of each call.</summary>
public sealed record ModelOptions
{
    /// <summary>The provider; <see cref="ModelProvider.Auto"/> picks from the environment.</summary>
    public ModelProvider Provider { get; init; } = ModelProvider.Auto;

    /// <summary>The model name as the provider knows it; empty means the provider's default.</summary>
    public string Name { get; init; } = "";

    /// <summary>The base URL of the endpoint; empty means the provider's default.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>The name of the environment variable that holds the API key; empty means the provider's default.</summary>
    [RegularExpression("^$|^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "must be an environment variable name such as OPENAI_API_KEY")]
    public string ApiKeyEnv { get; init; } = "";

    /// <summary>Sampling temperature.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; init; } = 0.2;

    /// <summary>How long one model call may take before it counts as a TIMEOUT.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>The most tokens the model may produce in one answer.</summary>
    [Range(256, 1_000_000)]
    public int MaxOutputTokens { get; init; } = 8192;

    /// <summary>The size of the model's context window, in tokens.</summary>
    [Range(1024, 10_000_000)]
    public int MaxInputTokens { get; init; } = 128_000;

    /// <summary>How the model gives its changes: tool calls, SEARCH/REPLACE text, or auto (tools except on openai-compatible servers, many of which lack tool calling).</summary>
    public EditProtocol EditProtocol { get; init; } = EditProtocol.Auto;

    /// <summary>Tool calls the model may make in one attempt.</summary>
    [Range(1, 10_000)]
    public int MaxToolCalls { get; init; } = 60;

    /// <summary>Model turns (requests) in one attempt when using tools.</summary>
    [Range(1, 1_000)]
    public int MaxToolTurns { get; init; } = 25;

    /// <summary>Characters read_file and search_code may return in one attempt.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxToolReadChars { get; init; } = 400_000;

    /// <summary>Prices by model name, in USD per million tokens, for the cost in reports and the cost budget.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = new Dictionary<string, ModelPrice>
    {
        ["gpt-4.1"] = new() { Input = 2.0, Output = 8.0, CachedInput = 0.5 },
        ["openai/gpt-4.1"] = new() { Input = 2.0, Output = 8.0, CachedInput = 0.5 },
        ["gpt-4.1-mini"] = new() { Input = 0.4, Output = 1.6, CachedInput = 0.1 },
        ["claude-sonnet-4-5"] = new() { Input = 3.0, Output = 15.0, CachedInput = 0.3 },
    };
}

/// <summary>What a model's tokens cost, in USD per million.</summary>
public sealed record ModelPrice
{
    /// <summary>Input tokens not served from the provider's prompt cache.</summary>
    [Range(0.0, 10_000.0)]
    public double Input { get; init; }

    /// <summary>Output tokens.</summary>
    [Range(0.0, 10_000.0)]
    public double Output { get; init; }

    /// <summary>Input tokens served from the provider's prompt cache.</summary>
    [Range(0.0, 10_000.0)]
    public double CachedInput { get; init; }

    /// <summary>The cost of one call's tokens, in USD.</summary>
    public double CostOf(long input, long cachedInput, long output) =>
        ((Math.Max(0, input - cachedInput) * Input) + (cachedInput * CachedInput) + (output * Output)) / 1_000_000;
}

/// <summary>How the model gives its changes.</summary>
public enum EditProtocol
{
    /// <summary>Tools, except for openai-compatible servers, which get text.</summary>
    Auto,

    /// <summary>Tool calls: read_file, list_files, search_code, write_file, edit_file, delete_file, finish.</summary>
    Tools,

    /// <summary>SEARCH/REPLACE and whole-file blocks in the answer's text.</summary>
    Text,
}

/// <summary>Model providers.</summary>
public enum ModelProvider
{
    /// <summary>An endpoint means openai-compatible; else GITHUB_TOKEN means GitHub Models, OPENAI_API_KEY OpenAI, ANTHROPIC_API_KEY Anthropic.</summary>
    Auto,

    /// <summary>GitHub Models at https://models.github.ai/inference with the job's GITHUB_TOKEN.</summary>
    GithubModels,

    /// <summary>OpenAI's API.</summary>
    Openai,

    /// <summary>Any server speaking OpenAI chat completions (Ollama, vLLM, LM Studio, llama.cpp).</summary>
    OpenaiCompatible,

    /// <summary>Azure OpenAI's v1 API: endpoint https://RESOURCE.openai.azure.com/openai/v1/, the deployment as model name, AZURE_OPENAI_API_KEY.</summary>
    AzureOpenai,

    /// <summary>Anthropic's Messages API through the official Anthropic SDK, with ANTHROPIC_API_KEY.</summary>
    Anthropic,
}
