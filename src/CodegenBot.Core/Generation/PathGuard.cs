using Microsoft.Extensions.FileSystemGlobbing;

namespace CodegenBot.Core.Generation;

/// <summary>
/// Decides whether an edit may touch a path: only inside the repository, never through a symbolic link, never in
/// <c>.git</c>, never a protected path (<c>security.protected_paths</c>).
/// </summary>
internal sealed class PathGuard
{
    private readonly string _root;
    private readonly Matcher _protected = new(StringComparison.OrdinalIgnoreCase);
    private readonly IReadOnlyList<string> _protectedPatterns;

    public PathGuard(string root, IReadOnlyList<string> protectedPaths)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _protectedPatterns = protectedPaths;
        _protected.AddIncludePatterns(protectedPaths);
    }

    /// <summary>The full path to write, or a problem that says why the path is refused.</summary>
    public (string? FullPath, string? Problem) Check(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.Length == 0)
        {
            return (null, "An edit has an empty file path; name the file relative to the repository root.");
        }

        if (Path.IsPathRooted(normalized) || normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':'))
        {
            return (null, $"'{path}' is an absolute path; name files relative to the repository root.");
        }

        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
        {
            return (null, $"'{path}' contains '..'; edits must stay inside the repository.");
        }

        if (segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"'{path}' is inside .git; the bot never edits git's own files.");
        }

        var relative = string.Join('/', segments.Where(s => s != "."));
        if (_protected.Match(relative).HasMatches)
        {
            var pattern = _protectedPatterns.First(p => Matches(p, relative));
            return (null, $"'{relative}' is a protected path (security.protected_paths: '{pattern}'); leave it unchanged.");
        }

        var current = _root;
        foreach (var segment in segments.Where(s => s != "."))
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if ((info.Exists || Directory.Exists(current)) && info.LinkTarget is not null)
            {
                return (null, $"'{relative}' goes through a symbolic link; edit the file the link points to instead.");
            }
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? (full, null)
            : (null, $"'{path}' resolves outside the repository; edits must stay inside it.");
    }

    private static bool Matches(string pattern, string path)
    {
        var single = new Matcher(StringComparison.OrdinalIgnoreCase);
        single.AddInclude(pattern);
        return single.Match(path).HasMatches;
    }
}
