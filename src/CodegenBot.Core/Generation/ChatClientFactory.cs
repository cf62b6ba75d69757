using System.ClientModel;
using System.ClientModel.Primitives;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace CodegenBot.Core.Generation;

/// <summary>
/// Builds the <see cref="IChatClient"/> pipeline for a <see cref="ModelSelection"/>: the OpenAI client (which also
/// speaks to GitHub Models and OpenAI-compatible servers), then resilience and logging as middleware.
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

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = selection.Endpoint,
            // Retries belong to the resilience middleware alone, so the SDK's own are off; its network timeout is
            // the backstop behind the per-call timeout of the pipeline.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Model.RequestTimeout + TimeSpan.FromSeconds(30),
        };

        var inner = new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(selection.Model).AsIChatClient();
        return new ChatClientBuilder(inner)
            .UseLogging(loggerFactory)
            .Use(client => new ResilientChatClient(client, options.Retry, options.Model.RequestTimeout, time, Random, statistics))
            .Build();
    }
}
