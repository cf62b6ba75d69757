namespace CodegenBot.GitHub;

/// <summary>A repository on GitHub, as <c>owner/name</c>.</summary>
/// <param name="Owner">The user or organisation.</param>
/// <param name="Name">The repository's name.</param>
public sealed record GitHubRepository(string Owner, string Name)
{
    /// <summary>Parses <c>owner/name</c> (as in <c>GITHUB_REPOSITORY</c>).</summary>
    public static GitHubRepository Parse(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == fullName.Length - 1 || fullName.IndexOf('/', slash + 1) >= 0
            ? throw new FormatException($"'{fullName}' is not a repository name of the form owner/name.")
            : new GitHubRepository(fullName[..slash], fullName[(slash + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{Name}";
}
