using System.ClientModel;
using System.ClientModel.Primitives;
using CodegenBot.Testing;
using Microsoft.Extensions.AI;
using OpenAI;

namespace CodegenBot.Core.Tests.Testing;

/// <summary>The fake speaks the protocol: the real OpenAI client, through Microsoft.Extensions.AI, drives it.</summary>
public sealed class FakeModelServerTests : IAsyncLifetime
{
    private FakeModelServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_Text_ReturnsContentAndUsageAndRecordsTheRequest()
    {
        _server.Enqueue(FakeResponse.Text("Hello there", promptTokens: 12, completionTokens: 3));

        var response = await Client().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hello there", response.Text);
        Assert.Equal((12L, 3L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("test-model", request.Model);
        Assert.Equal([new RecordedMessage("system", "Be brief."), new RecordedMessage("user", "Hi")], request.Messages);
        Assert.Equal("Bearer test-key", request.Headers["authorization"]);
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Text_StreamsTheContentInPieces()
    {
        _server.Enqueue(FakeResponse.Text("A streamed answer in several pieces."));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client().GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("A streamed answer in several pieces.", string.Concat(updates.Select(u => u.Text)));
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1);
        Assert.True(_server.Requests[0].Stream);
    }

    [Fact]
    public async Task GetResponseAsync_ToolCalls_ReturnsFunctionCalls()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("read_file", "{\"path\":\"src/A.cs\"}")));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string path) => path, "read_file")] };

        var response = await Client().GetResponseAsync("Read A", options, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("read_file", call.Name);
        Assert.Equal("src/A.cs", call.Arguments!["path"]!.ToString());
        Assert.Equal(["read_file"], _server.Requests[0].ToolNames);
    }

    [Fact]
    public async Task GetResponseAsync_RateLimited_ThrowsWithStatusAndRetryAfter()
    {
        _server.Enqueue(FakeResponse.Status(429, retryAfter: "7"));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(429, error.Status);
        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("7", retryAfter);
    }

    [Fact]
    public async Task GetResponseAsync_ServerError_ThrowsWithTheStatus()
    {
        _server.Enqueue(FakeResponse.Status(500));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(500, error.Status);
    }

    [Fact]
    public async Task GetResponseAsync_MalformedJson_Throws()
    {
        _server.Enqueue(FakeResponse.MalformedJson());

        // The SDK surfaces a truncated body as a System.Text.Json.JsonException.
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => Client().GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetResponseAsync_DroppedConnection_ThrowsATransportError()
    {
        _server.Enqueue(FakeResponse.DropConnection());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task GetResponseAsync_DelayLongerThanTheCaller_IsCancelled()
    {
        _server.Enqueue(FakeResponse.Delay(TimeSpan.FromSeconds(30), FakeResponse.Text("late")));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetResponseAsync("Hi", cancellationToken: timeout.Token));
    }

    [Fact]
    public async Task GetResponseAsync_QueueEmpty_UsesTheHandler()
    {
        _server.Enqueue(FakeResponse.Text("from the queue"));
        _server.Respond(request => FakeResponse.Text($"echo: {request.Messages[^1].Content}"));

        var first = await Client().GetResponseAsync("one", cancellationToken: TestContext.Current.CancellationToken);
        var second = await Client().GetResponseAsync("two", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(("from the queue", "echo: two"), (first.Text, second.Text));
    }

    [Fact]
    public async Task GetResponseAsync_NothingScripted_FailsLoudly()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(500, error.Status);
        Assert.Contains("no scripted response", error.Message, StringComparison.Ordinal);
    }

    private IChatClient Client() =>
        new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = _server.BaseUrl, RetryPolicy = new ClientRetryPolicy(0) })
            .GetChatClient("test-model")
            .AsIChatClient();
}
