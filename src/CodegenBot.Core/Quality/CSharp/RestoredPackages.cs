using System.Text.Json;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>
/// The compile-time assemblies of the packages a restored project uses, read from its
/// <c>obj/project.assets.json</c> (or the artifacts layout's) (written by <c>dotnet restore</c>, as the validation's baseline build does).
/// Only existing <c>.dll</c> files inside the package folders the file names are returned; they are read as
/// metadata, never loaded or run.
/// </summary>
internal static class RestoredPackages
{
    public static IReadOnlyList<string> CompileAssemblies(string projectFolder)
    {
        if (AssetsFile(projectFolder) is not { } assets)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
            var root = document.RootElement;
            var folders = root.GetProperty("packageFolders").EnumerateObject().Select(p => Path.GetFullPath(p.Name)).ToList();
            var libraries = root.GetProperty("libraries");
            // The assessor compiles against the running .NET's reference assemblies, so the newest .NET target fits best.
            var target = root.GetProperty("targets").EnumerateObject()
                .Where(t => !t.Name.Contains('/', StringComparison.Ordinal))
                .OrderByDescending(t => Rank(t.Name))
                .Select(t => t.Value)
                .FirstOrDefault();
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

    /// <summary><c>obj/project.assets.json</c>, or with the SDK's artifacts layout <c>artifacts/obj/NAME/project.assets.json</c> in a folder above.</summary>
    private static string? AssetsFile(string projectFolder)
    {
        var local = Path.Combine(projectFolder, "obj", "project.assets.json");
        if (File.Exists(local))
        {
            return local;
        }

        var name = Directory.EnumerateFiles(projectFolder, "*.csproj").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).FirstOrDefault();
        for (var folder = Path.GetDirectoryName(projectFolder); name is not null && folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var artifacts = Path.Combine(folder, "artifacts", "obj", name, "project.assets.json");
            if (File.Exists(artifacts))
            {
                return artifacts;
            }
        }

        return null;
    }

    /// <summary>net8.0 above net6.0 above netcoreapp3.1 above netstandard2.1 above .NET Framework.</summary>
    private static double Rank(string framework)
    {
        var name = framework.ToLowerInvariant();
        var digits = new string(name.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        var version = double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        return name switch
        {
            _ when name.StartsWith(".netcoreapp", StringComparison.Ordinal) || name.StartsWith("netcoreapp", StringComparison.Ordinal) => 200 + version,
            _ when name.StartsWith("net", StringComparison.Ordinal) && version >= 5 && !name.Contains("standard", StringComparison.Ordinal) => 300 + version,
            _ when name.Contains("standard", StringComparison.Ordinal) => 100 + version,
            _ => version / 1000,
        };
    }
}
