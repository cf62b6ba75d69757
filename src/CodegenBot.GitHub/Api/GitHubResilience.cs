using System.Globalization;
using System.Net;
using CodegenBot.Core.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CodegenBot.GitHub.Api;

/// <summary>
/// The retry and timeout pipeline of every GitHub API call. Retried: 5xx, 429, a 403 that is a rate limit (it
/// carries <c>Retry-After</c> or <c>x-ratelimit-remaining: 0</c>; a plain 403 is a permission answer and is not),
/// connection failures and timeouts. The wait is the one GitHub asks for (<c>Retry-After</c>, else the
/// <c>x-ratelimit-reset</c> time), else exponential back-off with jitter; a wait longer than
/// <c>github.api.max_retry_wait</c> is not waited for.
/// </summary>
internal static partial class GitHubResilience
{
    /// <summary>GitHub's advice for a secondary rate limit that names no wait: at least a minute.</summary>
    private static readonly TimeSpan UnnamedRateLimitWait = TimeSpan.FromMinutes(1);

    public static ResiliencePipeline<HttpResponseMessage> Build(GitHubApiOptions options, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RequestedWait(response, time) : null),
                OnRetry = args =>
                {
                    var request = args.Outcome.Result?.RequestMessage;
                    LogRetry(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?",
                        args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();

    /// <summary>Whether the outcome is worth another try.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, GitHubApiOptions options, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var transient = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests || IsRateLimit(response);
        return transient && (RequestedWait(response, time) ?? TimeSpan.Zero) <= options.MaxRetryWait;
    }

    /// <summary>A 403 or 429 that says it is a rate limit.</summary>
    internal static bool IsRateLimit(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
        && (response.Headers.RetryAfter is not null || GitHubClientFactory.Header(response.Headers, "x-ratelimit-remaining") == "0");

    /// <summary>The wait GitHub asks for, or null to back off exponentially.</summary>
    internal static TimeSpan? RequestedWait(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        if (GitHubClientFactory.Header(response.Headers, "x-ratelimit-remaining") == "0"
            && long.TryParse(GitHubClientFactory.Header(response.Headers, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? UnnamedRateLimitWait : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub API {Method} {Path} answered {Status}; retry {Retry} in {DelaySeconds:0.#} s")]
    private static partial void LogRetry(ILogger logger, string method, string path, string status, int retry, double delaySeconds);
}
