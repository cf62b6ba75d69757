using LibGit2Sharp;

namespace CodegenBot.Core.Context;

/// <summary>
/// The candidate files of a checkout as listed at one moment, with what is needed to tell cheaply whether the
/// listing still holds: each file's size and modification time, each folder's modification time (a folder's time
/// changes when an entry is added, removed or renamed in it) and git's index file. <see cref="Revalidate"/> checks
/// those with one <c>stat</c> per file and folder, re-hashes only the files whose stat changed, and gives up (the
/// caller lists again through git) when anything beyond file contents changed.
/// </summary>
/// <remarks>
/// Like git's own index, it cannot see a change that keeps a file's size and lands within the file system's
/// timestamp resolution of the listing; files modified within <see cref="RacyWindow"/> of the listing are therefore
/// re-hashed on every revalidation. A new file in a folder that holds no candidate at all (only ignored files) is
/// not noticed until the next full listing.
/// </remarks>
internal sealed class WorkTreeListing
{
    /// <summary>Files modified this close to the listing are re-hashed each time (coarse file-system clocks).</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>Files named so change which files are candidates; a change to one means listing again.</summary>
    private static readonly HashSet<string> ListingFiles = new(StringComparer.Ordinal) { ".gitignore", ".gitattributes" };

    private readonly Stamp[] _files;
    private readonly (string Path, Stamp Stamp)[] _folders;
    private readonly (string Path, Stamp Stamp)[] _gitFiles;
    private readonly DateTime _takenAt;

    private WorkTreeListing(IReadOnlyList<ScanCandidate> candidates, Stamp[] files, (string, Stamp)[] folders, (string, Stamp)[] gitFiles, DateTime takenAt)
    {
        Candidates = candidates;
        _files = files;
        _folders = folders;
        _gitFiles = gitFiles;
        _takenAt = takenAt;
    }

    /// <summary>The files to consider, in ordinal order, with their blob ids (see <see cref="RepositoryScanner.Candidates"/>).</summary>
    public IReadOnlyList<ScanCandidate> Candidates { get; }

    /// <summary>Lists the checkout through git and, when <paramref name="stamp"/> is set, stamps what was listed (one stat per file).</summary>
    public static WorkTreeListing Take(string root, RepositoryScanner scanner, bool stamp = true)
    {
        if (!stamp)
        {
            return new WorkTreeListing(scanner.Candidates(root), [], [], [], default);
        }

        // The real clock, not an injected one: it is compared with the file system's own timestamps.
        var takenAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        string gitDirectory;
        using (var repository = new Repository(root))
        {
            gitDirectory = repository.Info.Path;
        }

        var candidates = scanner.Candidates(root);
        var files = new Stamp[candidates.Count];
        Parallel.For(0, candidates.Count, i => files[i] = Stamp.Of(Path.Combine(root, candidates[i].Path)));
        var folders = candidates.SelectMany(c => Folders(c.Path)).Prepend("").Distinct(StringComparer.Ordinal)
            .Select(f => (f, Stamp.Of(Path.Combine(root, f)))).ToArray();
        var gitFiles = new[] { "index", Path.Combine("info", "exclude") }
            .Select(f => Path.Combine(gitDirectory, f)).Select(f => (f, Stamp.Of(f))).ToArray();
        return new WorkTreeListing(candidates, files, folders, gitFiles, takenAt);
    }

    /// <summary>
    /// The listing as it stands now, or null when it must be taken again: git's index moved, a folder's entries
    /// changed, a listed file disappeared, or a .gitignore or .gitattributes changed.
    /// </summary>
    public WorkTreeListing? Revalidate(string root)
    {
        var takenAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (_gitFiles.Length == 0 || _gitFiles.Any(g => Stamp.Of(g.Path) != g.Stamp))
        {
            return null;
        }

        var folderChanged = 0;
        Parallel.For(0, _folders.Length, (i, state) =>
        {
            if (Stamp.Of(Path.Combine(root, _folders[i].Path)) != _folders[i].Stamp)
            {
                Interlocked.Exchange(ref folderChanged, 1);
                state.Stop();
            }
        });
        if (folderChanged != 0)
        {
            return null;
        }

        var racySince = _takenAt - RacyWindow;
        var files = new Stamp[_files.Length];
        var candidates = new ScanCandidate?[_files.Length];
        var gone = 0;
        Parallel.For(0, _files.Length, i =>
        {
            var candidate = Candidates[i];
            var stamp = Stamp.Of(Path.Combine(root, candidate.Path));
            files[i] = stamp;
            if (stamp == _files[i] && stamp.Modified < racySince)
            {
                candidates[i] = candidate;
            }
            else if (!stamp.Exists || ListingFiles.Contains(Path.GetFileName(candidate.Path))
                || RepositoryScanner.BlobIdOf(root, candidate.Path) is not { } blob)
            {
                Interlocked.Exchange(ref gone, 1);
            }
            else
            {
                candidates[i] = blob == candidate.BlobId ? candidate : candidate with { BlobId = blob };
            }
        });

        return gone != 0 ? null : new WorkTreeListing(candidates.Select(c => c!).ToList(), files, _folders, _gitFiles, takenAt);
    }

    /// <summary>Every folder of a path, as full folder paths (<c>a/b/c.cs</c> → a, a/b).</summary>
    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    /// <summary>What one <c>lstat</c> says of a path: whether it exists, its size and its modification time.</summary>
    private readonly record struct Stamp(bool Exists, long Length, DateTime Modified)
    {
        public static Stamp Of(string path)
        {
            FileSystemInfo info = new FileInfo(path);
            if (!info.Exists)
            {
                info = new DirectoryInfo(path);
            }

            return info.Exists ? new Stamp(true, info is FileInfo file ? file.Length : 0, info.LastWriteTimeUtc) : default;
        }
    }
}
