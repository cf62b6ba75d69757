namespace CodegenBot.Core.Quality;

/// <summary>The seven quality dimensions.</summary>
public enum QualityDimension
{
    /// <summary>Naming, formatting, clarity.</summary>
    Readability,

    /// <summary>Complexity, size, coupling.</summary>
    Maintainability,

    /// <summary>Compiles, parses, handles errors.</summary>
    Correctness,

    /// <summary>Performance anti-patterns.</summary>
    Performance,

    /// <summary>Vulnerability patterns and secrets.</summary>
    Security,

    /// <summary>Doc comments.</summary>
    Documentation,

    /// <summary>Tests for changed code.</summary>
    Testing,
}

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>Should be fixed.</summary>
    Warning,

    /// <summary>Must be fixed: the change cannot pass with it.</summary>
    Error,
}

/// <summary>One thing the assessor found, precise enough for a reviewer to trust and a model to act on.</summary>
public sealed record Finding
{
    /// <summary>The file, relative to the repository root.</summary>
    public required string File { get; init; }

    /// <summary>1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column.</summary>
    public required int Column { get; init; }

    /// <summary>The rule, such as CS1002.</summary>
    public required string RuleId { get; init; }

    /// <summary>The dimension it costs points in.</summary>
    public required QualityDimension Dimension { get; init; }

    /// <summary>How much it matters.</summary>
    public required FindingSeverity Severity { get; init; }

    /// <summary>What is wrong.</summary>
    public required string Message { get; init; }

    /// <summary>How to fix it.</summary>
    public required string FixHint { get; init; }

    /// <summary>The CWE weakness id of a security finding (89 for SQL injection), or null.</summary>
    public int? Cwe { get; init; }

    /// <summary><c>src/A.cs:12:5: CS1002 ; expected (fix: ...)</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {RuleId} {Message} ({FixHint})";
}
