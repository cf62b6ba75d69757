namespace CodegenBot.Core.Configuration;

/// <summary>Where a configuration value came from: a file and position, an environment variable, an option.</summary>
/// <param name="Origin">A file path, <c>environment variable X</c>, <c>command-line option --x</c>.</param>
/// <param name="Line">1-based line in a file; 0 when the origin has no lines.</param>
/// <param name="Column">1-based column in a file; 0 when the origin has no lines.</param>
public sealed record ConfigSource(string Origin, int Line = 0, int Column = 0)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Origin}:{Line}:{Column}" : Origin;
}
