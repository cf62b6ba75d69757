using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>Retry behaviour for each reason an attempt or a call can fail.</summary>
public sealed record RetryOptions
{
    /// <summary>The change did not reach the quality thresholds: a new attempt with the findings as feedback.</summary>
    public RetryPolicyOptions QualityThreshold { get; init; } = new() { MaxAttempts = 3, Strategy = RetryStrategy.Fixed, BaseDelay = TimeSpan.Zero, Jitter = false };

    /// <summary>The model's answer could not be used (no edits, malformed or unappliable edits).</summary>
    public RetryPolicyOptions ValidationFailed { get; init; } = new() { MaxAttempts = 3, Strategy = RetryStrategy.Fixed, BaseDelay = TimeSpan.Zero, Jitter = false };

    /// <summary>The provider answered with a server error (5xx) or an unreadable body.</summary>
    public RetryPolicyOptions ApiError { get; init; } = new();

    /// <summary>The provider answered 429; Retry-After is honoured.</summary>
    public RetryPolicyOptions RateLimit { get; init; } = new();

    /// <summary>The connection failed or dropped.</summary>
    public RetryPolicyOptions NetworkError { get; init; } = new();

    /// <summary>A call took longer than <c>model.request_timeout</c>.</summary>
    public RetryPolicyOptions Timeout { get; init; } = new();

    /// <summary>The circuit breaker around each provider endpoint.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; init; } = new();

    /// <summary>Limits of one run across its attempts.</summary>
    public RunBudgetOptions Budget { get; init; } = new();
}

/// <summary>When a run stops retrying regardless of attempts left; 0 means no limit.</summary>
public sealed record RunBudgetOptions
{
    /// <summary>Input plus output tokens of every model call of the run.</summary>
    [Range(0, int.MaxValue)]
    public int MaxTokens { get; init; }

    /// <summary>Cost of the run in USD, priced by <c>model.prices</c> (a model without a price is not limited).</summary>
    [Range(0.0, 1_000_000.0)]
    public double MaxCostUsd { get; init; }

    /// <summary>Time since the first attempt started.</summary>
    public TimeSpan MaxWallTime { get; init; } = TimeSpan.Zero;

    /// <summary>Stop when an attempt fails with exactly the findings and problems of the attempt before it.</summary>
    public bool StopWithoutProgress { get; init; } = true;
}

/// <summary>How to retry one failure reason.</summary>
public sealed record RetryPolicyOptions
{
    /// <summary>How the delay grows between tries.</summary>
    public RetryStrategy Strategy { get; init; } = RetryStrategy.Exponential;

    /// <summary>Tries in all, the first included (1 means no retry).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The first delay (and the step, for linear).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No delay is longer than this, Retry-After included.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Randomise delays so that many clients do not retry in step.</summary>
    public bool Jitter { get; init; } = true;
}

/// <summary>Retry delay strategies.</summary>
public enum RetryStrategy
{
    /// <summary>base, 2*base, 4*base, ...</summary>
    Exponential,

    /// <summary>base, 2*base, 3*base, ...</summary>
    Linear,

    /// <summary>base every time.</summary>
    Fixed,

    /// <summary>Exponential, longer as the endpoint's recent failure rate rises, never under half its typical latency; Retry-After wins.</summary>
    Adaptive,
}

/// <summary>Circuit breaker settings, per provider endpoint.</summary>
public sealed record CircuitBreakerOptions
{
    /// <summary>Whether the breaker is used at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Calls needed in the window before the ratio counts.</summary>
    [Range(2, 1000)]
    public int MinimumThroughput { get; init; } = 6;

    /// <summary>The window over which failures are counted.</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the circuit stays open before one probe call.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
