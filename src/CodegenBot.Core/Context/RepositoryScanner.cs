using CodegenBot.Core.Configuration;
using LibGit2Sharp;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CodegenBot.Core.Context;

/// <summary>
/// Lists the files of a checkout that the context may draw on: the files git tracks (so .gitignore is respected),
/// filtered by <c>context.include</c>/<c>exclude</c> and by folders that are never source (build output,
/// dependencies). Binaries, symlinks and oversized files are listed but marked unreadable.
/// </summary>
internal sealed class RepositoryScanner(ContextOptions options)
{
    /// <summary>Folders and files that are build output, dependencies or generated, whatever the configuration says.</summary>
    private static readonly string[] AlwaysExcluded =
    [
        "**/bin/**", "**/obj/**", "**/node_modules/**", "**/dist/**", "**/.vs/**", "**/.idea/**",
        "**/__pycache__/**", "**/*.min.js", "**/*.min.css", "**/*.map", "**/packages.lock.json", "**/package-lock.json",
    ];

    private const int BinarySniffBytes = 8000;

    public IReadOnlyList<RepositoryFile> Scan(string root)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(options.Include);
        matcher.AddExcludePatterns(AlwaysExcluded);
        matcher.AddExcludePatterns(options.Exclude);

        using var repository = new Repository(root);
        var files = new List<RepositoryFile>();
        foreach (var entry in repository.Index)
        {
            var path = entry.Path.Replace('\\', '/');
            if (!matcher.Match(path).HasMatches)
            {
                continue;
            }

            var full = System.IO.Path.Combine(root, path);
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                continue;
            }

            var readable = entry.Mode != Mode.SymbolicLink && info.LinkTarget is null
                && info.Length <= options.MaxFileBytes && !LooksBinary(full);
            files.Add(new RepositoryFile(path, info.Length, readable));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>Git's own test: a NUL byte in the first 8000 bytes means binary.</summary>
    private static bool LooksBinary(string path)
    {
        Span<byte> buffer = stackalloc byte[BinarySniffBytes];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read].Contains((byte)0);
    }
}
