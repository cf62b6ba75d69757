using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// Gradle <c>build.gradle</c> and <c>build.gradle.kts</c>: <c>implementation "g:a:v"</c>, <c>api("g:a:v")</c>,
/// <c>platform(…)</c>, and the map form <c>group: 'g', name: 'a', version: 'v'</c>, for the usual configurations;
/// test configurations are development. Version catalogs (<c>libs.x</c>) are not resolved.
/// </summary>
internal sealed partial class GradleParser : IManifestParser
{
    /// <summary>Dependency configurations read; the <c>test…</c> and <c>androidTest…</c> ones are development.</summary>
    private static readonly HashSet<string> Configurations = new(StringComparer.Ordinal)
    {
        "implementation", "api", "compileOnly", "runtimeOnly", "annotationProcessor", "kapt", "ksp", "compile", "runtime",
        "testImplementation", "testCompileOnly", "testRuntimeOnly", "testCompile", "testAnnotationProcessor",
        "androidTestImplementation", "debugImplementation",
    };

    public bool Handles(string path) => RepositorySnapshot.FileName(path) is "build.gradle" or "build.gradle.kts";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var result = new List<Dependency>();
        foreach (Match match in Coordinates().Matches(text))
        {
            var configuration = match.Groups["config"].Value;
            if (!Configurations.Contains(configuration))
            {
                continue;
            }

            var parts = match.Groups["coords"].Success
                ? match.Groups["coords"].Value.Split(':')
                : [match.Groups["group"].Value, match.Groups["name"].Value, .. match.Groups["version"].Success ? [match.Groups["version"].Value] : Array.Empty<string>()];
            var development = configuration.StartsWith("test", StringComparison.Ordinal) || configuration.StartsWith("androidTest", StringComparison.Ordinal);
            result.Add(new Dependency(PomParser.Ecosystem, $"{parts[0]}:{parts[1]}", parts.Length > 2 ? parts[2] : null, path, development));
        }

        return result;
    }

    [GeneratedRegex("""^\s*(?<config>\w+)\s*\(?\s*(?:(?:enforcedPlatform|platform)\s*\(\s*)?(?:["'](?<coords>[^"'\s:$]+:[^"'\s:]+(?::[^"'\s]+)?)["']|group\s*[:=]\s*["'](?<group>[^"']+)["']\s*,\s*name\s*[:=]\s*["'](?<name>[^"']+)["'](?:\s*,\s*version\s*[:=]\s*["'](?<version>[^"']+)["'])?)""", RegexOptions.Multiline)]
    private static partial Regex Coordinates();
}
