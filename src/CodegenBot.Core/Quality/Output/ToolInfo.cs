using System.Reflection;

namespace CodegenBot.Core.Quality.Output;

/// <summary>The name and version outputs carry, read once from the assembly.</summary>
internal static class ToolInfo
{
    /// <summary>The tool's name in every output.</summary>
    public const string Name = "CodegenBot";

    /// <summary>The informational version (SemVer, with build metadata such as the commit when the build sets it).</summary>
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    /// <summary>The project's address from the build's <c>RepositoryUrl</c> metadata, or null when the build names none.</summary>
    public static Uri? InformationUri { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : null;
}
