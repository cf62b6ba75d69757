using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions protocol and Anthropic's messages protocol
/// (each scripted response is written in the protocol of the request), scripted per test: a queue of responses,
/// then a handler function. Production code reaches it through the real OpenAI and Anthropic clients and cannot
/// tell it from a model provider. Every request is recorded.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeResponse> _queue = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private Func<RecordedRequest, FakeResponse>? _handler;

    private FakeModelServer(WebApplication app) => _app = app;

    /// <summary>The base URL to give an OpenAI client as its endpoint (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The server's root (<c>http://127.0.0.1:PORT</c>), the endpoint to give an Anthropic client (it adds <c>/v1/messages</c>).</summary>
    public Uri RootUrl { get; private set; } = null!;

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeModelServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        server.RootUrl = new Uri(address.TrimEnd('/'));
        return server;
    }

    /// <summary>Adds a response to the queue; queued responses are used first, in order.</summary>
    public void Enqueue(FakeResponse response) => _queue.Enqueue(response);

    /// <summary>Answers every request the queue does not cover.</summary>
    public void Respond(Func<RecordedRequest, FakeResponse> handler) => _handler = handler;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var protocol = path.EndsWith("/v1/messages", StringComparison.Ordinal) ? ModelProtocol.Anthropic : ModelProtocol.OpenAi;
        if (!HttpMethods.IsPost(context.Request.Method) || (protocol == ModelProtocol.OpenAi && !path.EndsWith("/chat/completions", StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = RecordedRequest.Parse(path, body, headers, protocol);
        lock (_gate)
        {
            _requests.Add(request);
        }

        var response = _queue.TryDequeue(out var queued) ? queued : _handler?.Invoke(request);
        if (response is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "application/json";
            var error = new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["message"] = "FakeModelServer: no scripted response left for this request.", ["type"] = "test_setup" } };
            await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
            return;
        }

        await response.WriteAsync(context, request);
    }
}
