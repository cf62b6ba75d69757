namespace CodegenBot.Core;

/// <summary>
/// Something the user can fix (bad input, missing configuration, a dirty work tree). The message is one sentence
/// that says what is wrong and what to do; it is shown as it is, never with a stack trace, and is never retried.
/// </summary>
public class UserErrorException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public UserErrorException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and its cause.</summary>
    public UserErrorException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public UserErrorException() : base("The request cannot be carried out as given.")
    {
    }
}
