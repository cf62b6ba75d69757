namespace CodegenBot.Core.Context.Caching;

/// <summary>Where the context cache lives by default: <c>$XDG_CACHE_HOME/codegenbot/context</c>, else <c>~/.cache/codegenbot/context</c>.</summary>
internal static class ContextCacheFolder
{
    public static string Default() => Resolve("", Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The configured folder, or the default from the given XDG cache home and user profile.</summary>
    public static string Resolve(string configured, string? xdgCacheHome, string? userProfile)
    {
        if (configured.Length > 0)
        {
            return Path.GetFullPath(configured);
        }

        var baseFolder = !string.IsNullOrEmpty(xdgCacheHome) ? xdgCacheHome
            : !string.IsNullOrEmpty(userProfile) ? Path.Combine(userProfile, ".cache")
            : Path.GetTempPath();
        return Path.Combine(baseFolder, "codegenbot", "context");
    }
}
