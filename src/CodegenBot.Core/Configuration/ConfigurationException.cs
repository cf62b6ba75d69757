namespace CodegenBot.Core.Configuration;

/// <summary>
/// The configuration cannot be used. The message names the file, line and key and says what to do;
/// it is meant for the user as it is (exit code 2), never with a stack trace.
/// </summary>
public sealed class ConfigurationException : UserErrorException
{
    /// <summary>Creates the exception from one or more problems, each a full sentence.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates the exception from one problem.</summary>
    public ConfigurationException(string message) : this([message])
    {
    }

    /// <summary>Creates the exception from one problem and its cause.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates an empty exception (for serializers and tools).</summary>
    public ConfigurationException() : this("The configuration is invalid.")
    {
    }

    /// <summary>Every problem found, each a full sentence naming its source.</summary>
    public IReadOnlyList<string> Problems { get; }
}
