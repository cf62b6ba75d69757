namespace CodegenBot.Cli;

/// <summary>The exit codes of <c>codegen</c>, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>The job did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Generation gave up: no attempt passed the checks, or the model could not be called.</summary>
    public const int GaveUp = 1;

    /// <summary><c>codegen assess</c>: the code is below a quality threshold, or a validation command failed.</summary>
    public const int BelowThreshold = 1;

    /// <summary>Bad usage or configuration; the message says what to fix.</summary>
    public const int UsageError = 2;

    /// <summary>Cancelled by the user (Ctrl+C) or the runner.</summary>
    public const int Cancelled = 130;
}
