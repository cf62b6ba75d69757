using System.ClientModel;
using System.ClientModel.Primitives;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace CodegenBot.Core.Generation;

/// <summary>
/// Builds the <see cref="IChatClient"/> pipeline for a <see cref="ModelSelection"/>: the OpenAI client (OpenAI,
/// GitHub Models, Azure OpenAI's v1 API, OpenAI-compatible servers) or the official Anthropic client, over one HTTP
/// stack, then resilience and logging as middleware.
/// </summary>
internal sealed class ChatClientFactory(TimeProvider time, ILoggerFactory loggerFactory, Func<double>? random = null)
{
    private const string NoKeyPlaceholder = "no-key";

    /// <summary>The random source for retry jitter, injected so tests are deterministic.</summary>
    public Func<double> Random { get; } = random ?? System.Random.Shared.NextDouble;

    public IChatClient Create(ModelSelection selection, CodegenOptions options, IReadOnlyDictionary<string, string?> environment, RetryStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(options);
        var key = selection.ApiKeyVariable is { } variable && environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : NoKeyPlaceholder;

        var inner = selection.Provider == ModelProvider.Anthropic
            ? AnthropicClient(selection, options, key)
            : OpenAiClient(selection, options, key);
        // Secrets never leave: the run's own keys and tokens (every variable whose name says it holds one) and known
        // token formats are redacted from every message; then telemetry (no message content) and logging (content
        // only at Trace) see what is actually sent.
        var secrets = environment.Where(e => Security.SecretNames.IsSecretName(e.Key)).Select(e => e.Value).Append(key);
        var redactor = new Security.SecretRedactor(secrets, options.Security.RedactPatterns);
        return new ChatClientBuilder(inner)
            .Use(client => new Security.RedactingChatClient(client, redactor, loggerFactory.CreateLogger<ChatClientFactory>()))
            .UseOpenTelemetry(loggerFactory, Telemetry.CodegenMetrics.MeterName)
            .UseLogging(loggerFactory)
            .Use(client => new ResilientChatClient(client, options.Retry, options.Model.RequestTimeout, time, Random, statistics, selection.Endpoint))
            .Build();
    }

    /// <summary>
    /// The HTTP stack under every SDK: our failure handler innermost, so a 429's headers reach the retry logic
    /// whatever the SDK makes of the error; the SDKs' own retries are off (the resilience middleware owns them).
    /// </summary>
    private HttpClient Http(CodegenOptions options, IReadOnlyDictionary<string, string>? headers = null)
    {
        HttpMessageHandler handler = new ModelHttpFailureHandler(time) { InnerHandler = new SocketsHttpHandler() };
        if (headers is not null)
        {
            handler = new HeaderHandler(headers) { InnerHandler = handler };
        }

        return new HttpClient(handler) { Timeout = options.Model.RequestTimeout + TimeSpan.FromSeconds(30) };
    }

    private IChatClient OpenAiClient(ModelSelection selection, CodegenOptions options, string key)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = selection.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Model.RequestTimeout + TimeSpan.FromSeconds(30),
            // Azure OpenAI's v1 API takes the key as api-key (it also accepts the bearer header the client sends).
            Transport = new HttpClientPipelineTransport(Http(options, selection.Provider == ModelProvider.AzureOpenai
                ? new Dictionary<string, string> { ["api-key"] = key }
                : null)),
        };

        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(selection.Model).AsIChatClient();
    }

    private IChatClient AnthropicClient(ModelSelection selection, CodegenOptions options, string key)
    {
        // Every setting explicit: the SDK would otherwise read ANTHROPIC_* variables of the process by itself.
        var client = new Anthropic.AnthropicClient(new Anthropic.Core.ClientOptions
        {
            ApiKey = key,
            AuthToken = null,
            BaseUrl = selection.Endpoint.ToString().TrimEnd('/'),
            MaxRetries = 0,
            Timeout = options.Model.RequestTimeout + TimeSpan.FromSeconds(30),
            HttpClient = Http(options),
        });
        return client.AsIChatClient(selection.Model, options.Model.MaxOutputTokens);
    }

    /// <summary>Adds fixed headers to every request.</summary>
    private sealed class HeaderHandler(IReadOnlyDictionary<string, string> headers) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
