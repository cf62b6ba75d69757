using System.Reflection;

namespace CodegenBot.Core;

/// <summary>The defaults and templates embedded in the build from <c>config/</c> and <c>templates/</c>.</summary>
internal static class ShippedResources
{
    private static readonly Assembly Assembly = typeof(ShippedResources).Assembly;

    /// <summary>The text of an embedded file, by its repository path (<c>config/agent_config.yaml</c>).</summary>
    public static string Read(string path)
    {
        using var stream = Assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"The build does not embed '{path}'; check the EmbeddedResource items of CodegenBot.Core.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Embedded files under a folder, by repository path, in ordinal order.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
