using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Resilience;
using CodegenBot.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Core.Tests.Generation;

/// <summary>Every provider through the production factory, against the fake server speaking each wire protocol.</summary>
public sealed class ChatClientFactoryTests : IAsyncLifetime
{
    private FakeModelServer _server = null!;
    private readonly RetryStatistics _statistics = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync() => _server = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Anthropic_Text_SendsTheMessagesFormatWithTheKeyAndReadsTheAnswer()
    {
        _server.Enqueue(FakeResponse.Text("Hello from Claude", promptTokens: 21, completionTokens: 4));

        var response = await Client(ModelProvider.Anthropic).GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hello from Claude", response.Text);
        Assert.Equal((21L, 4L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
        var request = Assert.Single(_server.Requests);
        Assert.Equal((ModelProtocol.Anthropic, "/v1/messages", "claude-test"), (request.Protocol, request.Path, request.Model));
        // The official SDK (13.x) sends the API key as a bearer token, with its API version header.
        Assert.Equal("Bearer sk-ant-api03-test-secret", request.Headers["authorization"]);
        Assert.True(request.Headers.ContainsKey("anthropic-version"));
        Assert.Contains(new RecordedMessage("system", "Be brief."), request.Messages);
        Assert.Contains(new RecordedMessage("user", "Hi"), request.Messages);
    }

    [Fact]
    public async Task Anthropic_Streaming_AssemblesTheText()
    {
        _server.Enqueue(FakeResponse.Text("A streamed answer."));

        var text = "";
        await foreach (var update in Client(ModelProvider.Anthropic).GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
        {
            text += update.Text;
        }

        Assert.Equal("A streamed answer.", text);
        Assert.True(_server.Requests[0].Stream);
    }

    [Fact]
    public async Task Anthropic_ToolUse_BecomesFunctionCalls()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("read_file", "{\"path\":\"src/A.cs\"}")));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string path) => path, "read_file")] };

        var response = await Client(ModelProvider.Anthropic).GetResponseAsync("Read A", options, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("read_file", "src/A.cs"), (call.Name, call.Arguments!["path"]!.ToString()));
        Assert.Equal(["read_file"], _server.Requests[0].ToolNames);
    }

    [Fact]
    public async Task Anthropic_RateLimited_HonoursRetryAfterThenSucceeds()
    {
        _server.Enqueue(FakeResponse.Status(429, retryAfter: "0.15"));
        _server.Enqueue(FakeResponse.Text("ok"));

        var response = await _time.RunAsync(() => Client(ModelProvider.Anthropic).GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("ok", response.Text);
        Assert.Equal((1, TimeSpan.FromMilliseconds(150)), _statistics.Snapshot()[RetryReason.RateLimit]);
    }

    [Fact]
    public async Task OpenAi_RateLimitedWithOnlyResetHeaders_WaitsForTheLatestReset()
    {
        _server.Enqueue(FakeResponse.StatusWithHeaders(429, ("x-ratelimit-reset-requests", "120ms"), ("x-ratelimit-reset-tokens", "0.2s")));
        _server.Enqueue(FakeResponse.Text("ok"));

        var response = await _time.RunAsync(() => Client(ModelProvider.Openai).GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("ok", response.Text);
        Assert.Equal((1, TimeSpan.FromMilliseconds(200)), _statistics.Snapshot()[RetryReason.RateLimit]);
    }

    [Fact]
    public async Task AzureOpenAi_SendsTheKeyAsApiKeyToTheV1Path()
    {
        _server.Enqueue(FakeResponse.Text("from azure"));

        var response = await Client(ModelProvider.AzureOpenai, new Uri(_server.RootUrl, "/openai/v1/")).GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("from azure", response.Text);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("/openai/v1/chat/completions", "azure-secret", "my-deployment"), (request.Path, request.Headers["api-key"], request.Model));
    }

    [Theory]
    [InlineData(ModelProvider.Anthropic)]
    [InlineData(ModelProvider.Openai)]
    public async Task BadKey_IsA401StatusNotARetry(ModelProvider provider)
    {
        _server.Enqueue(FakeResponse.Status(401));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Client(provider).GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(401, ModelFailures.StatusOf(error));
        Assert.Null(ModelFailures.Classify(error));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Secrets_InMessagesAndToolResults_NeverReachTheModel()
    {
        _server.Enqueue(FakeResponse.Text("ok"));
        var token = "ghp_" + new string('z', 36);

        await Client(ModelProvider.Openai).GetResponseAsync(
            [new ChatMessage(ChatRole.User, $"config has {token} and the key openai-secret")],
            cancellationToken: TestContext.Current.CancellationToken);

        var body = Assert.Single(_server.Requests).Body;
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.DoesNotContain("openai-secret", body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github-token]", body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:configured-secret]", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_InToolResults_AreRedactedToo()
    {
        var token = "ghp_" + new string('q', 36);
        _server.Enqueue(FakeResponse.ToolCalls(("read_config", "{}")));
        _server.Enqueue(FakeResponse.Text("done"));
        var client = new FunctionInvokingChatClient(Client(ModelProvider.Openai));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => $"token: {token}", "read_config")] };

        await client.GetResponseAsync("read it", options, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(token, _server.Requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:github-token]", _server.Requests[1].Body, StringComparison.Ordinal);
    }

    private IChatClient Client(ModelProvider provider, Uri? endpoint = null)
    {
        var (selection, variable, key) = provider switch
        {
            ModelProvider.Anthropic => (new ModelSelection(provider, endpoint ?? _server.RootUrl, "claude-test", "ANTHROPIC_API_KEY"), "ANTHROPIC_API_KEY", "sk-ant-api03-test-secret"),
            ModelProvider.AzureOpenai => (new ModelSelection(provider, endpoint ?? _server.BaseUrl, "my-deployment", "AZURE_OPENAI_API_KEY"), "AZURE_OPENAI_API_KEY", "azure-secret"),
            _ => (new ModelSelection(provider, endpoint ?? _server.BaseUrl, "gpt-test", "OPENAI_API_KEY"), "OPENAI_API_KEY", "openai-secret"),
        };
        var options = new CodegenOptions();
        return new ChatClientFactory(_time, NullLoggerFactory.Instance, () => 0.5)
            .Create(selection, options, new Dictionary<string, string?> { [variable] = key }, _statistics);
    }
}
