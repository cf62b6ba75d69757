using System.Text.Json;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>
/// The compile-time assemblies of the packages a restored project uses, read from its
/// <c>obj/project.assets.json</c> (written by <c>dotnet restore</c>, as the validation's baseline build does).
/// Only existing <c>.dll</c> files inside the package folders the file names are returned; they are read as
/// metadata, never loaded or run.
/// </summary>
internal static class RestoredPackages
{
    public static IReadOnlyList<string> CompileAssemblies(string projectFolder)
    {
        var assets = Path.Combine(projectFolder, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
            var root = document.RootElement;
            var folders = root.GetProperty("packageFolders").EnumerateObject().Select(p => Path.GetFullPath(p.Name)).ToList();
            var libraries = root.GetProperty("libraries");
            var target = root.GetProperty("targets").EnumerateObject().Where(t => !t.Name.Contains('/', StringComparison.Ordinal)).Select(t => t.Value).FirstOrDefault();
            if (target.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var files = new List<string>();
            foreach (var package in target.EnumerateObject())
            {
                if (package.Value.TryGetProperty("type", out var type) && type.GetString() != "package"
                    || !package.Value.TryGetProperty("compile", out var compile)
                    || !libraries.TryGetProperty(package.Name, out var library) || !library.TryGetProperty("path", out var libraryPath))
                {
                    continue;
                }

                foreach (var asset in compile.EnumerateObject().Where(a => a.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    var file = folders
                        .Select(f => Path.GetFullPath(Path.Combine(f, libraryPath.GetString() ?? "", asset.Name)))
                        .FirstOrDefault(p => folders.Any(f => p.StartsWith(f, StringComparison.Ordinal)) && File.Exists(p));
                    if (file is not null)
                    {
                        files.Add(file);
                    }
                }
            }

            return files.Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }
}
