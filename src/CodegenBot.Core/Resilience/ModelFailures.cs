using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CodegenBot.Core.Resilience;

/// <summary>Sorts failures of a model call into retry reasons, and reads a server's Retry-After.</summary>
internal static class ModelFailures
{
    /// <summary>The retry reason of a failure, or null when retrying cannot help (bad request, bad key, a bug).</summary>
    public static RetryReason? Classify(Exception exception) => Http(exception) is { } http ? ByStatus(http.Status) : exception switch
    {
        ClientResultException { Status: 429 } => RetryReason.RateLimit,
        ClientResultException { Status: 408 } => RetryReason.Timeout,
        ClientResultException { Status: >= 500 } => RetryReason.ApiError,
        ClientResultException { Status: 0, InnerException: HttpRequestException or IOException } => RetryReason.NetworkError,
        ClientResultException { Status: 0, InnerException: TaskCanceledException or TimeoutException } => RetryReason.Timeout,
        ClientResultException { Status: 0 } => RetryReason.NetworkError,
        HttpRequestException or IOException => RetryReason.NetworkError,
        TimeoutRejectedException => RetryReason.Timeout,
        JsonException or KeyNotFoundException or FormatException => RetryReason.ApiError,
        _ => null,
    };

    /// <summary>The HTTP status of a failed call, whichever SDK reported it; null for transport failures.</summary>
    public static int? StatusOf(Exception exception) =>
        Http(exception)?.Status ?? (exception is ClientResultException { Status: > 0 } result ? result.Status : null);

    /// <summary>The HTTP failure under whatever the provider SDK wrapped it in.</summary>
    private static ModelHttpException? Http(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ModelHttpException http)
            {
                return http;
            }
        }

        return null;
    }

    private static RetryReason? ByStatus(int status) => status switch
    {
        429 => RetryReason.RateLimit,
        408 => RetryReason.Timeout,
        409 or >= 500 => RetryReason.ApiError,
        _ => null,
    };

    /// <summary>
    /// Whether the exception is a failure of the model call (an HTTP status, the transport, a timeout, an open
    /// circuit, an unreadable answer) rather than a bug; such failures end the attempt with a reason, not a crash.
    /// </summary>
    public static bool IsModelFailure(Exception exception) =>
        exception is ClientResultException or BrokenCircuitException || Http(exception) is not null || Classify(exception) is not null
        || exception.GetType().FullName?.StartsWith("Anthropic.", StringComparison.Ordinal) == true;

    /// <summary>
    /// The delay a 429 or 503 answer asks for: Retry-After (seconds or a date) or retry-after-ms; failing those,
    /// on a 429, the latest of the rate-limit reset headers.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception exception, TimeProvider time)
    {
        if (Http(exception) is { } http)
        {
            return http.RetryAfter ?? (http.Status == 429 ? http.RateLimitReset : null);
        }

        if (exception is not ClientResultException result || result.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Max(date - time.GetUtcNow(), TimeSpan.Zero)
            : null;
    }

    /// <summary>One sentence for the report and the user, without secrets or response bodies.</summary>
    public static string Describe(Exception exception) => Http(exception) is { } http
        ? $"the model endpoint answered {http.Status} {ReasonPhrase(http.Status)}".TrimEnd()
        : exception switch
    {
        ClientResultException { Status: > 0 } r => $"the model endpoint answered {r.Status} {ReasonPhrase(r.Status)}".TrimEnd(),
        ClientResultException r => $"the model endpoint could not be reached ({r.InnerException?.Message ?? r.Message})",
        TimeoutRejectedException => "the model call timed out (model.request_timeout)",
        BrokenCircuitException => "the circuit breaker for the model endpoint is open after repeated failures",
        HttpRequestException or IOException => $"the model endpoint could not be reached ({exception.Message})",
        JsonException or KeyNotFoundException or FormatException => "the model endpoint sent an answer that could not be read",
        _ => exception.Message,
    };

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
