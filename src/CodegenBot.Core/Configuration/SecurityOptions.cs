namespace CodegenBot.Core.Configuration;

/// <summary>What the bot may touch and who may trigger it.</summary>
public sealed record SecurityOptions
{
    /// <summary>Globs of paths no generated edit may create, change or delete.</summary>
    public IReadOnlyList<string> ProtectedPaths { get; init; } =
        [".github/workflows/**", ".github/codegen.yml", ".github/codegen/**", "**/*.pem", "**/*.key", "**/.env", "**/.env.*"];

    /// <summary>Repository permissions that allow triggering the bot.</summary>
    public IReadOnlyList<string> AllowedPermissions { get; init; } = ["admin", "maintain", "write"];

    /// <summary>Users allowed in addition to those with an allowed permission.</summary>
    public IReadOnlyList<string> AllowedUsers { get; init; } = [];

    /// <summary>Teams (org/team-slug) whose members are allowed.</summary>
    public IReadOnlyList<string> AllowedTeams { get; init; } = [];

    /// <summary>Extra regular expressions whose matches are masked in logs, prompts and reports.</summary>
    public IReadOnlyList<string> RedactPatterns { get; init; } = [];
}
