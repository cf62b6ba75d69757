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
    public static RetryReason? Classify(Exception exception) => exception switch
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

    /// <summary>
    /// Whether the exception is a failure of the model call (an HTTP status, the transport, a timeout, an open
    /// circuit, an unreadable answer) rather than a bug; such failures end the attempt with a reason, not a crash.
    /// </summary>
    public static bool IsModelFailure(Exception exception) =>
        exception is ClientResultException or BrokenCircuitException || Classify(exception) is not null;

    /// <summary>The delay a 429 or 503 answer asks for (Retry-After in seconds or as a date, or retry-after-ms).</summary>
    public static TimeSpan? RetryAfter(Exception exception, TimeProvider time)
    {
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
    public static string Describe(Exception exception) => exception switch
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
