using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>What the context engine reads, and how much of it reaches the prompt.</summary>
public sealed record ContextOptions
{
    /// <summary>Tokens the gathered context may use in a prompt (files, repo map, team instructions).</summary>
    [Range(1000, 2_000_000)]
    public int TokenBudget { get; init; } = 24_000;

    /// <summary>Share of the budget that team instruction files may take.</summary>
    [Range(0.0, 1.0)]
    public double TeamInstructionsShare { get; init; } = 0.2;

    /// <summary>Globs of files to consider, relative to the repository root.</summary>
    public IReadOnlyList<string> Include { get; init; } = ["**/*"];

    /// <summary>Globs of files never to read.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Files larger than this are listed but never read.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxFileBytes { get; init; } = 256 * 1024;

    /// <summary>Where the context cache lives; empty means <c>$XDG_CACHE_HOME/codegenbot/context</c> (or <c>~/.cache/...</c>).</summary>
    public string CacheDirectory { get; init; } = "";

    /// <summary>How long a cached context stays valid.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromHours(1);
}
