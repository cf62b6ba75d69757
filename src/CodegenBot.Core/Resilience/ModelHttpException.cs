using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Resilience;

/// <summary>
/// A model endpoint answered with an error status. Raised by <see cref="ModelHttpFailureHandler"/> below every
/// provider SDK, so the retry logic sees the same status and the same rate-limit headers whatever the SDK makes of
/// them. Carries no response body (it may echo the prompt) and no request headers (they hold the key).
/// </summary>
internal sealed class ModelHttpException : HttpRequestException
{
    public ModelHttpException(int status, TimeSpan? retryAfter, TimeSpan? rateLimitReset)
        : base($"The model endpoint answered {status} {(Enum.IsDefined(typeof(HttpStatusCode), status) ? (HttpStatusCode)status : "")}".TrimEnd(), null, (HttpStatusCode)status)
    {
        Status = status;
        RetryAfter = retryAfter;
        RateLimitReset = rateLimitReset;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>What <c>Retry-After</c> (or <c>retry-after-ms</c>) asked for.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The latest reset among the rate-limit headers (<c>x-ratelimit-reset-*</c>, <c>anthropic-ratelimit-*-reset</c>).</summary>
    public TimeSpan? RateLimitReset { get; }
}

/// <summary>
/// The innermost handler of every model client: turns an error status into a <see cref="ModelHttpException"/>
/// carrying the rate-limit headers, read with the run's <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ModelHttpFailureHandler(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        var failure = new ModelHttpException(status, RetryAfterOf(response.Headers, time), ResetOf(response.Headers, time));
        response.Dispose();
        throw failure;
    }

    internal static TimeSpan? RetryAfterOf(HttpResponseHeaders headers, TimeProvider time)
    {
        if (First(headers, "retry-after-ms") is { } ms && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return Clamp(milliseconds);
        }

        return First(headers, "Retry-After") is { } value ? ParseWait(value, time) : null;
    }

    internal static TimeSpan? ResetOf(HttpResponseHeaders headers, TimeProvider time)
    {
        TimeSpan? latest = null;
        foreach (var (name, values) in headers)
        {
            var lower = name.ToLowerInvariant();
            if ((lower.StartsWith("x-ratelimit-reset", StringComparison.Ordinal) || (lower.StartsWith("anthropic-ratelimit-", StringComparison.Ordinal) && lower.EndsWith("-reset", StringComparison.Ordinal)))
                && values.FirstOrDefault() is { } value && ParseWait(value, time) is { } wait && (latest is null || wait > latest))
            {
                latest = wait;
            }
        }

        return latest;
    }

    /// <summary>Seconds (<c>20</c>, <c>1.5</c>), a Go-style duration (<c>6m0s</c>, <c>250ms</c>), an HTTP or RFC 3339 date.</summary>
    internal static TimeSpan? ParseWait(string value, TimeProvider time)
    {
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return Clamp(seconds * 1000);
        }

        if (Duration().Match(value) is { Success: true } match && match.Length > 0)
        {
            double Part(string group, double unit) => match.Groups[group].Success && double.TryParse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n * unit : 0;
            return Clamp(Part("h", 3_600_000) + Part("m", 60_000) + Part("s", 1000) + Part("ms", 1));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }

    /// <summary>Waits a server may ask for are capped at a day (max_delay caps them further); nonsense is no wait at all.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private static TimeSpan? Clamp(double milliseconds) =>
        double.IsFinite(milliseconds) ? TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, MaxWait.TotalMilliseconds)) : null;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+(?:\.\d+)?)ms)?$")]
    private static partial Regex Duration();
}
