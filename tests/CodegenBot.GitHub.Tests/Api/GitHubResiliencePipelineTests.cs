using System.Net;
using CodegenBot.Core.Configuration;
using CodegenBot.GitHub.Api;
using CodegenBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.GitHub.Tests.Api;

/// <summary>The resilience pipeline in an <see cref="HttpClient"/> against a real loopback server, in simulated time.</summary>
public sealed class GitHubResiliencePipelineTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Build_TwoBadGateways_RetriesUntilTheOk()
    {
        var (status, count) = await SendAsync(n => n <= 2 ? (502, null) : (200, null));

        Assert.Equal((HttpStatusCode.OK, 3), (status, count));
    }

    [Fact]
    public async Task Build_SecondaryRateLimit_WaitsRetryAfterInSimulatedTimeThenSucceeds()
    {
        var start = _time.GetUtcNow();

        var (status, count) = await SendAsync(n => n == 1 ? (403, "1") : (200, null));

        Assert.Equal((HttpStatusCode.OK, 2), (status, count));
        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Build_PlainForbidden_IsNotRetried()
    {
        var (status, count) = await SendAsync(_ => (403, null));

        Assert.Equal((HttpStatusCode.Forbidden, 1), (status, count));
    }

    private async Task<(HttpStatusCode Status, int Requests)> SendAsync(Func<int, (int Status, string? RetryAfter)> answer)
    {
        var requests = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(context =>
        {
            var (status, retryAfter) = answer(Interlocked.Increment(ref requests));
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return Task.CompletedTask;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var pipeline = GitHubResilience.Build(new GitHubApiOptions(), _time, NullLogger.Instance);
        using var client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() });
        using var response = await _time.RunAsync(() => client.GetAsync(new Uri(address + "/repos/octo-org/hello-world"), TestContext.Current.CancellationToken));
        await app.StopAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, requests);
    }
}
