namespace CodegenBot.Core.Resilience;

/// <summary>The model endpoint refused the credentials (401 or 403): retrying cannot help, the user must act.</summary>
public sealed class ModelAccessDeniedException : UserErrorException
{
    /// <summary>Creates the exception.</summary>
    public ModelAccessDeniedException(int status, string message, Exception innerException)
        : base(message, innerException) => Status = status;

    /// <summary>Creates the exception (for serializers and tools).</summary>
    public ModelAccessDeniedException() : base("The model endpoint refused the credentials.")
    {
    }

    /// <summary>Creates the exception (for serializers and tools).</summary>
    public ModelAccessDeniedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception (for serializers and tools).</summary>
    public ModelAccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status: 401 or 403.</summary>
    public int Status { get; }
}
