using CodegenBot.Core.Context.Codebase;
using LibGit2Sharp;

namespace CodegenBot.Core.Context;

/// <summary>
/// The candidate files of a checkout as listed at one moment, with what is needed to tell cheaply whether the
/// listing still holds: each file's size and modification time, and the modification time of each folder (it
/// changes when an entry is added, removed or renamed in it), of git's index and of every ignore and attributes
/// file. <see cref="Revalidate"/> checks those with one <c>stat</c> each, re-hashes only the files whose stamp
/// changed, and gives up (the caller lists again through git) when anything beyond file contents changed.
/// </summary>
/// <remarks>
/// A stamp taken within <see cref="RacyWindow"/> of the listing is not trusted (file-system clocks are coarse, and
/// the stamps are taken just after git's listing): such a file is re-hashed on every revalidation, and such a
/// folder or git file means listing again. Limits: a same-size replacement that keeps an older modification time
/// (<c>cp -p</c>, <c>rsync -t</c>, <c>touch -r</c>) is not seen (git also compares inode and change time, which .NET
/// does not expose), and neither is a new file in a folder that holds no candidate at all, until the next full
/// listing.
/// </remarks>
internal sealed class WorkTreeListing
{
    /// <summary>Stamps this close to the listing are not trusted (coarse file-system clocks; changes during the listing).</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>Files named so change which files are candidates; a change to one means listing again.</summary>
    private static readonly HashSet<string> ListingFiles = new(StringComparer.Ordinal) { ".gitignore", ".gitattributes" };

    private readonly Stamp[] _files;
    private readonly (string Path, Stamp Stamp)[] _watched;
    private readonly DateTime _takenAt;

    private WorkTreeListing(IReadOnlyList<ScanCandidate> candidates, Stamp[] files, (string, Stamp)[] watched, DateTime takenAt)
    {
        Candidates = candidates;
        _files = files;
        _watched = watched;
        _takenAt = takenAt;
    }

    /// <summary>The files to consider, in ordinal order, with their blob ids (see <see cref="RepositoryScanner.Candidates"/>).</summary>
    public IReadOnlyList<ScanCandidate> Candidates { get; }

    /// <summary>Lists the checkout through git and, when <paramref name="stamp"/> is set, stamps what was listed (one stat per file).</summary>
    public static WorkTreeListing Take(string root, RepositoryScanner scanner, bool stamp = true)
    {
        if (!stamp)
        {
            return new WorkTreeListing(scanner.Candidates(root), [], [], default);
        }

        // The real clock, not an injected one: it is compared with the file system's own timestamps.
        var takenAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var candidates = scanner.Candidates(root);
        var files = new Stamp[candidates.Count];
        Parallel.For(0, candidates.Count, i => files[i] = Stamp.Of(Path.Combine(root, candidates[i].Path)));
        var watched = candidates.SelectMany(c => RepositorySnapshot.AncestorFolders(c.Path)).Prepend("").Distinct(StringComparer.Ordinal)
            .Select(f => Path.Combine(root, f))
            .Concat(GitFiles(root))
            .Concat(candidates.Where(c => ListingFiles.Contains(Path.GetFileName(c.Path))).Select(c => Path.Combine(root, c.Path)))
            .Distinct(StringComparer.Ordinal)
            .Select(f => (f, Stamp.Of(f))).ToArray();
        return new WorkTreeListing(candidates, files, watched, takenAt);
    }

    /// <summary>
    /// The listing as it stands now, or null when it must be taken again: git's index, an ignore file or a folder
    /// changed (or was stamped too close to the listing to be trusted), or a listed file disappeared.
    /// </summary>
    public WorkTreeListing? Revalidate(string root)
    {
        if (_watched.Length == 0)
        {
            return null;
        }

        var takenAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var racySince = _takenAt - RacyWindow;
        var relist = 0;
        Parallel.For(0, _watched.Length, (i, state) =>
        {
            var (path, stamp) = _watched[i];
            if (stamp.Modified >= racySince || Stamp.Of(path) != stamp)
            {
                Interlocked.Exchange(ref relist, 1);
                state.Stop();
            }
        });
        if (relist != 0)
        {
            return null;
        }

        var files = new Stamp[_files.Length];
        var candidates = new ScanCandidate?[_files.Length];
        var rehashed = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, _files.Length, i =>
        {
            var candidate = Candidates[i];
            var stamp = Stamp.Of(Path.Combine(root, candidate.Path));
            files[i] = stamp;
            if (_files[i].Exists && stamp == _files[i] && stamp.Modified < racySince)
            {
                candidates[i] = candidate;
            }
            else if (!_files[i].Exists || !stamp.Exists || ListingFiles.Contains(Path.GetFileName(candidate.Path))
                || RepositoryScanner.BlobIdOf(root, candidate.Path) is not { } blob)
            {
                Interlocked.Exchange(ref relist, 1);
            }
            else
            {
                candidates[i] = blob == candidate.BlobId ? candidate : candidate with { BlobId = blob };
                if (blob != candidate.BlobId && candidate.Tracked)
                {
                    rehashed.Add(i);
                }
            }
        });
        if (relist != 0)
        {
            return null;
        }

        // A tracked file whose bytes hash differently may still be unaltered to git (line-ending or LFS filters);
        // git's own listing then gives the index's id, and so must this one, or the tree key would differ.
        if (!rehashed.IsEmpty)
        {
            using var repository = new Repository(root);
            foreach (var i in rehashed)
            {
                if (repository.RetrieveStatus(Candidates[i].Path) == FileStatus.Unaltered)
                {
                    candidates[i] = Candidates[i];
                }
            }
        }

        return new WorkTreeListing(candidates.Select(c => c!).ToList(), files, _watched, takenAt);
    }

    /// <summary>
    /// Git's files that decide what is listed: the index, the repository's exclude file (of the main repository too,
    /// for a linked work tree), the global excludes file, and every tracked ignore and attributes file.
    /// </summary>
    private static List<string> GitFiles(string root)
    {
        using var repository = new Repository(root);
        var gitDirectory = repository.Info.Path;
        var files = new List<string> { Path.Combine(gitDirectory, "index"), Path.Combine(gitDirectory, "info", "exclude") };
        var common = Path.Combine(gitDirectory, "commondir");
        if (File.Exists(common))
        {
            files.Add(Path.Combine(Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(common).Trim())), "info", "exclude"));
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (repository.Config.Get<string>("core.excludesFile")?.Value is { Length: > 0 } excludes)
        {
            files.Add(excludes.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, excludes[2..]) : excludes);
        }
        else
        {
            var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".config");
            files.Add(Path.Combine(configHome, "git", "ignore"));
        }

        files.AddRange(repository.Index.Select(e => e.Path.Replace('\\', '/'))
            .Where(p => ListingFiles.Contains(Path.GetFileName(p)))
            .Select(p => Path.Combine(root, p)));
        return files;
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
