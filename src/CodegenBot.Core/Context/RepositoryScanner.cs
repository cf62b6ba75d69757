using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Languages;
using LibGit2Sharp;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CodegenBot.Core.Context;

/// <summary>
/// Lists the files of a checkout that the context may draw on: tracked files plus untracked files git does not
/// ignore, filtered by <c>context.include</c>/<c>exclude</c> and by folders that are never source (build output,
/// dependencies). Binaries, symlinks, oversized, generated and vendored files are listed but never read.
/// </summary>
internal sealed partial class RepositoryScanner(ContextOptions options)
{
    private GitAttributes? _attributes;

    /// <summary>Folders and files that are build output, dependencies or generated, whatever the configuration says.</summary>
    private static readonly string[] AlwaysExcluded =
    [
        "**/bin/**", "**/obj/**", "**/node_modules/**", "**/dist/**", "**/.vs/**", "**/.idea/**", "**/vendor/**",
        "**/__pycache__/**", "**/*.min.js", "**/*.min.css", "**/*.map", "**/packages.lock.json", "**/package-lock.json",
        "**/yarn.lock", "**/pnpm-lock.yaml", "**/*.Designer.cs", "**/*.g.cs", "**/*.generated.*",
    ];

    /// <summary>Git's own test: a NUL byte in the first 8000 bytes means binary.</summary>
    private const int BinarySniffBytes = 8000;

    /// <summary>Generated-code markers are looked for in this many leading characters.</summary>
    private const int HeaderChars = 1000;

    public IReadOnlyList<RepositoryFile> Scan(string root) =>
        Candidates(root).Select(c => Describe(root, c)).OfType<RepositoryFile>().ToList();

    /// <summary>The root the globbing matcher sees; paths are matched in memory, never against the disk.</summary>
    private const string MatchRoot = "/";

    /// <summary>Git's views being read ahead of a listing (<see cref="Prefetch"/>), by checkout root; each is taken once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PrefetchEntry> Prefetched = new(StringComparer.Ordinal);

    /// <summary>
    /// A view whose read started longer ago than this is not used (the checkout may have changed since): read again.
    /// The gap it covers is a command's start-up, about 0.3 s.
    /// </summary>
    private static readonly TimeSpan PrefetchLifetime = TimeSpan.FromSeconds(3);

    /// <summary>What git says about a checkout: its index entries, and the paths its status reports changed or untracked.</summary>
    private sealed record GitView(List<IndexEntry> Tracked, HashSet<string> Changed, List<string> Untracked);

    /// <summary>An entry of git's index (a record, not a value tuple: no generic list code compiled at run time for it).</summary>
    private sealed record IndexEntry(string Path, string Sha, bool IsLink);

    /// <summary>
    /// Starts reading git's view of the checkout at <paramref name="root"/> (its index and status: the slowest part of
    /// a listing, and the same whatever the configuration) on the thread pool, for the next <see cref="Candidates"/>
    /// of that root in this process to take instead of reading it again. A command calls this as soon as it knows the
    /// checkout, so the read runs on an otherwise idle core while configuration and services load; the listing is then
    /// as of that moment, a fraction of a second earlier (a view whose read started longer ago than
    /// <see cref="PrefetchLifetime"/> is not used). A failed read is not reported here: the listing reads again and
    /// reports it. Disposing the returned handle drops a view no listing took (the command failed before listing), so
    /// it cannot serve a later listing in the same process.
    /// </summary>
    public static IDisposable Prefetch(string root)
    {
        var entry = new PrefetchEntry(System.Diagnostics.Stopwatch.GetTimestamp(), Task.Run(() => ReadGitView(root)));
        Prefetched[root] = entry;
        return new PrefetchHandle(root, entry);
    }

    /// <summary>A read of git's view under way, and when it started (a class: compared by reference when dropped).</summary>
    private sealed class PrefetchEntry(long startedAt, Task<GitView> view)
    {
        public long StartedAt { get; } = startedAt;

        public Task<GitView> View { get; } = view;
    }

    /// <summary>Whether a view read ahead for this root waits to be taken (for tests).</summary>
    internal static bool IsPrefetched(string root) => Prefetched.ContainsKey(root);

    private sealed class PrefetchHandle(string root, PrefetchEntry entry) : IDisposable
    {
        public void Dispose()
        {
            if (Prefetched.TryRemove(new KeyValuePair<string, PrefetchEntry>(root, entry)))
            {
                TaskFailures.Observe(entry.View);
            }
        }
    }

    /// <summary>
    /// The files to consider, in ordinal order, with their git blob ids: from the index for unchanged tracked
    /// files (nothing is read), computed from the content for changed and untracked ones.
    /// </summary>
    public IReadOnlyList<ScanCandidate> Candidates(string root)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(options.Include);
        matcher.AddExcludePatterns(AlwaysExcluded);
        matcher.AddExcludePatterns(options.Exclude);

        var (tracked, changed, untracked) = TakePrefetched(root) ?? ReadGitView(root);

        // One match over all paths: matching them one by one costs half a second on a repository of 6,000 files.
        var included = matcher.Match(MatchRoot, tracked.Select(t => MatchRoot + t.Path).Concat(untracked.Select(u => MatchRoot + u)))
            .Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<ScanCandidate>();
        foreach (var (path, sha, isLink) in tracked)
        {
            if (included.Contains(path) && (changed.Contains(path) ? BlobIdOf(root, path) : sha) is { } blob)
            {
                candidates.Add(new ScanCandidate(path, blob, Tracked: true, IsLink: isLink));
            }
        }

        foreach (var path in untracked)
        {
            if (included.Contains(path) && BlobIdOf(root, path) is { } blob)
            {
                candidates.Add(new ScanCandidate(path, blob, Tracked: false, IsLink: false));
            }
        }

        candidates.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return candidates;
    }

    private static GitView ReadGitView(string root)
    {
        using var repository = new Repository(root);
        var status = repository.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false });
        var changed = status.Where(e => e.State is not FileStatus.Unaltered and not FileStatus.Ignored)
            .Select(e => e.FilePath.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var tracked = repository.Index.Select(e => new IndexEntry(e.Path.Replace('\\', '/'), e.Id.Sha, e.Mode == Mode.SymbolicLink)).ToList();
        var untracked = status.Untracked.Select(e => e.FilePath.Replace('\\', '/')).ToList();
        return new GitView(tracked, changed, untracked);
    }

    /// <summary>The view read ahead for this root, once it is read; null when none was started or its read failed.</summary>
    private static GitView? TakePrefetched(string root)
    {
        if (!Prefetched.TryRemove(root, out var pending))
        {
            return null;
        }

        // The age is when the read started, taken before waiting: a slow read is not thrown away for its own length.
        if (System.Diagnostics.Stopwatch.GetElapsedTime(pending.StartedAt) >= PrefetchLifetime)
        {
            TaskFailures.Observe(pending.View);
            return null;
        }

        // Waits without throwing: a failed read is read again by the caller, which reports it.
        Task.WaitAny(pending.View);
        _ = pending.View.Exception;
        return pending.View.IsCompletedSuccessfully ? pending.View.Result : null;
    }

    /// <summary>Reads a file the scanner marked readable; null when it vanished or cannot be decoded.</summary>
    public static string? ReadText(string root, string path)
    {
        try
        {
            return FileContent.ReadText(Path.Combine(root, path));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Calls <paramref name="use"/> with the text of a file the scanner marked readable, in a pooled buffer valid
    /// only during the call (see <see cref="FileContent.WithText"/>); false when the file vanished or cannot be read.
    /// </summary>
    public static bool TryWithText<TState, TResult>(string root, string path, TState state, Func<ReadOnlySpan<char>, TState, TResult> use, out TResult result)
    {
        // Only the read is caught: what the callback throws (once it is called) goes to the caller.
        var called = new StrongBox<bool>();
        try
        {
            result = FileContent.WithText(Path.Combine(root, path), (state, use, called), static (text, pass) =>
            {
                pass.called.Value = true;
                return pass.use(text, pass.state);
            });
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !called.Value)
        {
            result = default!;
            return false;
        }
    }

    /// <summary>Reads the file's first bytes (or all of it, up to the size limit) and classifies it.</summary>
    public RepositoryFile? Describe(string root, ScanCandidate candidate)
    {
        LazyInitializer.EnsureInitialized(ref _attributes, () => GitAttributes.Load(root));
        var (path, tracked, isLink, attributes) = (candidate.Path, candidate.Tracked, candidate.IsLink, _attributes);
        var info = new FileInfo(Path.Combine(root, path));
        if (isLink || info.LinkTarget is not null)
        {
            return new RepositoryFile(path, 0, SkipReason.SymbolicLink, Tracked: tracked);
        }

        if (!info.Exists)
        {
            return null;
        }

        var attribute = attributes.Classify(path);
        if (attribute != SkipReason.None)
        {
            return new RepositoryFile(path, info.Length, attribute, LanguageDetector.Detect(path, ""), Tracked: tracked);
        }

        if (info.Length > options.MaxFileBytes)
        {
            return new RepositoryFile(path, info.Length, SkipReason.TooLarge, LanguageDetector.Detect(path, ""), Tracked: tracked);
        }

        return FileContent.WithBytes(info.FullName, (Path: path, Length: info.Length, Tracked: tracked), static (bytes, file) =>
        {
            if (bytes[..Math.Min(bytes.Length, BinarySniffBytes)].Contains((byte)0))
            {
                return new RepositoryFile(file.Path, file.Length, SkipReason.Binary, Tracked: file.Tracked);
            }

            // The head is decoded on the stack: a string per file was the largest allocation of describing.
            Span<char> head = stackalloc char[HeaderChars * 4];
            head = head[..Encoding.UTF8.GetChars(bytes[..Math.Min(bytes.Length, HeaderChars * 4)], head)];
            head = head.Length > HeaderChars ? head[..HeaderChars] : head;
            var firstLine = head[..(head.IndexOf('\n') is var n && n >= 0 ? n : head.Length)];
            var language = LanguageDetector.Detect(file.Path, firstLine);
            var skip = GeneratedMarker().IsMatch(head) ? SkipReason.Generated : SkipReason.None;
            var lines = bytes.Count((byte)'\n') + (bytes.Length > 0 && bytes[^1] != '\n' ? 1 : 0);
            return new RepositoryFile(file.Path, file.Length, skip, language, lines, file.Tracked);
        });
    }

    /// <summary>The git blob id of a file's content (SHA-1 of <c>blob LENGTH\0CONTENT</c>), or null when it cannot be read.</summary>
    internal static string? BlobIdOf(string root, string path)
    {
        var full = Path.Combine(root, path);
        try
        {
            if (new FileInfo(full).LinkTarget is { } target)
            {
                return HashBlob(Encoding.UTF8.GetBytes(target));
            }

            return File.Exists(full) ? FileContent.WithBytes(full, 0, static (bytes, _) => HashBlob(bytes)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string HashBlob(ReadOnlySpan<byte> content)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
        sha.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Headers that tools write into generated files (.NET, Go, protobuf, many JS generators).</summary>
    [GeneratedRegex(@"<auto-generated|@generated|Code generated .* DO NOT EDIT|This file was automatically generated|DO NOT EDIT! Generated", RegexOptions.IgnoreCase)]
    private static partial Regex GeneratedMarker();
}

/// <summary>A file to consider: its path, git blob id, and whether git tracks it or it is a symbolic link.</summary>
internal sealed record ScanCandidate(string Path, string BlobId, bool Tracked, bool IsLink);
