namespace CodegenBot.Core.Context.Codebase;

/// <summary>The files of a repository and a cached way to read them; paths are relative with forward slashes.</summary>
internal sealed class RepositorySnapshot
{
    private readonly Func<string, string?> _readText;
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _files;
    private readonly IReadOnlyDictionary<string, int>? _lines;

    /// <param name="files">The files.</param>
    /// <param name="readText">Reads a file's text.</param>
    /// <param name="lines">Line counts already known (from the index), so counting lines need not read every file.</param>
    public RepositorySnapshot(IReadOnlyList<string> files, Func<string, string?> readText, IReadOnlyDictionary<string, int>? lines = null)
    {
        _readText = readText;
        _lines = lines;
        Files = files.Select(Normalize).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _files = new HashSet<string>(Files, StringComparer.Ordinal);
        Folders = Files.SelectMany(AncestorFolders).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every file, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every folder that holds a file (directly or below), without the root.</summary>
    public IReadOnlySet<string> Folders { get; }

    public bool Contains(string path) => _files.Contains(path);

    /// <summary>The text of a file, read once; null when it is not in the list or cannot be read.</summary>
    public string? Read(string path)
    {
        if (!_files.Contains(path))
        {
            return null;
        }

        if (!_texts.TryGetValue(path, out var text))
        {
            text = _readText(path);
            _texts[path] = text;
        }

        return text;
    }

    /// <summary>The text of a file from the cache when it was read before, else read now without caching it (for one-pass scans).</summary>
    public string? ReadOnce(string path) =>
        !_files.Contains(path) ? null : _texts.TryGetValue(path, out var text) ? text : _readText(path);

    /// <summary>The file's line count: known from the index, else counted from its text (0 when unreadable).</summary>
    public int LinesOf(string path) =>
        _lines is not null && _lines.TryGetValue(path, out var known) ? known
        : ReadOnce(path) is { } text ? LanguageCounter.CountLines(text) : 0;

    /// <summary>Files whose name (last segment) is <paramref name="fileName"/>, any case.</summary>
    public IEnumerable<string> Named(string fileName) =>
        Files.Where(f => string.Equals(FileName(f), fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Files under a folder (<c>""</c> is the root), found by binary search: they sit together in ordinal order.</summary>
    public IEnumerable<string> Under(string folder)
    {
        if (folder.Length == 0)
        {
            return Files;
        }

        var prefix = folder + "/";
        var (low, high) = (0, Files.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(Files[middle], prefix) < 0 ? (middle + 1, high) : (low, middle);
        }

        return Files.Skip(low).TakeWhile(f => f.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>The nearest file named <paramref name="fileName"/> in <paramref name="folder"/> or one of its ancestors.</summary>
    public string? NearestAncestorFile(string folder, string fileName)
    {
        for (var current = folder; ; current = FolderOf(current))
        {
            var candidate = Combine(current, fileName);
            if (_files.Contains(candidate))
            {
                return candidate;
            }

            if (current.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>The folder of a path, <c>""</c> for the root.</summary>
    public static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>A folder as shown to users: <c>.</c> for the root.</summary>
    public static string Display(string folder) => folder.Length == 0 ? "." : folder;

    /// <summary>A path relative to a folder, with <c>./</c> and <c>../</c> resolved; null when it leaves the root.</summary>
    public static string? Resolve(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    public static string Combine(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    private static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized.TrimStart('/');
    }

    /// <summary>The folders that hold a path, innermost first (<c>a/b/c.cs</c> → a/b, a).</summary>
    internal static IEnumerable<string> AncestorFolders(string path)
    {
        for (var folder = FolderOf(path); folder.Length > 0; folder = FolderOf(folder))
        {
            yield return folder;
        }
    }
}
