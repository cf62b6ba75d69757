namespace CodegenBot.Core.Resilience;

/// <summary>Why an attempt or a call is retried; each reason has its own policy under <c>retry:</c>.</summary>
public enum RetryReason
{
    /// <summary>The change did not reach the quality thresholds.</summary>
    QualityThreshold,

    /// <summary>The model's answer had no usable edits.</summary>
    ValidationFailed,

    /// <summary>The provider failed (5xx, unreadable body).</summary>
    ApiError,

    /// <summary>The provider asked us to slow down (429).</summary>
    RateLimit,

    /// <summary>The connection failed.</summary>
    NetworkError,

    /// <summary>The call took too long.</summary>
    Timeout,
}

/// <summary>Names of retry reasons as reports and logs show them.</summary>
public static class RetryReasons
{
    /// <summary><c>QUALITY_THRESHOLD</c>, <c>RATE_LIMIT</c>, ...</summary>
    public static string Display(this RetryReason reason) => reason switch
    {
        RetryReason.QualityThreshold => "QUALITY_THRESHOLD",
        RetryReason.ValidationFailed => "VALIDATION_FAILED",
        RetryReason.ApiError => "API_ERROR",
        RetryReason.RateLimit => "RATE_LIMIT",
        RetryReason.NetworkError => "NETWORK_ERROR",
        _ => "TIMEOUT",
    };

    /// <summary>The configured policy of a reason.</summary>
    public static Configuration.RetryPolicyOptions PolicyFor(this Configuration.RetryOptions options, RetryReason reason)
    {
        ArgumentNullException.ThrowIfNull(options);
        return reason switch
        {
            RetryReason.QualityThreshold => options.QualityThreshold,
            RetryReason.ValidationFailed => options.ValidationFailed,
            RetryReason.ApiError => options.ApiError,
            RetryReason.RateLimit => options.RateLimit,
            RetryReason.NetworkError => options.NetworkError,
            _ => options.Timeout,
        };
    }
}
