using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using LibGit2Sharp;

namespace CodegenBot.Core.Quality;

/// <summary>
/// What <c>codegen assess</c> looks at: the repository, the files (repository-relative) and, with a base
/// revision, each file's text there so the assessor can set apart the findings the file already had.
/// </summary>
internal sealed record AssessmentScope(string Root, IReadOnlyList<string> Paths, string? BaseRef, IReadOnlyDictionary<string, string> BaseContents)
{
    /// <summary>The base version of a file for <see cref="QualityAssessor.AssessAsync"/>; null when no base was given.</summary>
    public Func<string, CancellationToken, Task<string?>>? BaseContent =>
        BaseRef is null ? null : (path, _) => Task.FromResult(BaseContents.GetValueOrDefault(path));

    /// <summary>The root of the git checkout holding <paramref name="target"/> (a file or folder).</summary>
    /// <exception cref="UserErrorException">The path does not exist or is not in a git checkout.</exception>
    public static string FindRoot(string target)
    {
        var full = Path.GetFullPath(target);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new UserErrorException($"{target} does not exist; pass a file or folder of a git checkout.");
        }

        var discovered = Repository.Discover(full)
            ?? throw new UserErrorException($"{target} is not inside a git repository; run codegen assess in a git checkout or pass a path inside one.");
        using var repository = new Repository(discovered);
        return Path.GetFullPath(repository.Info.WorkingDirectory
            ?? throw new UserErrorException($"{target} is in a bare repository; run codegen assess in a checkout."));
    }

    /// <summary>
    /// The files under <paramref name="target"/> (a file or a folder inside <paramref name="root"/>): a folder means
    /// every tracked and untracked-not-ignored file the context scanner would read (generated, vendored, binary and
    /// oversized files left out); with <paramref name="changedSince"/>, only those that differ from that revision
    /// (staged, unstaged or untracked).
    /// </summary>
    /// <exception cref="UserErrorException">The revision is unknown.</exception>
    public static AssessmentScope Resolve(string root, string target, string? changedSince, ContextOptions options)
    {
        var full = Path.GetFullPath(target);
        var isFile = File.Exists(full);
        using var repository = new Repository(root);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        relative = relative == "." ? "" : relative;

        var scanner = new RepositoryScanner(options);
        var paths = isFile
            ? [relative]
            : scanner.Candidates(root)
                .Where(c => relative.Length == 0 || c.Path.StartsWith(relative + "/", StringComparison.Ordinal))
                .Where(c => scanner.Describe(root, c) is { Skip: SkipReason.None })
                .Select(c => c.Path)
                .ToList();

        if (changedSince is null)
        {
            return new AssessmentScope(root, paths, null, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        var commit = Lookup(repository, changedSince)
            ?? throw new UserErrorException($"--changed-since {changedSince}: no such commit, branch or tag; use a revision git knows here, such as HEAD~1 or origin/main (in a shallow clone, fetch it first).");
        var changes = repository.Diff.Compare<TreeChanges>(commit.Tree, DiffTargets.Index | DiffTargets.WorkingDirectory);
        var oldPaths = changes.Where(c => c.Status is not ChangeKind.Deleted and not ChangeKind.Unmodified)
            .ToDictionary(c => c.Path.Replace('\\', '/'), c => c.OldPath.Replace('\\', '/'), StringComparer.Ordinal);
        foreach (var untracked in repository.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true }).Untracked)
        {
            oldPaths.TryAdd(untracked.FilePath.Replace('\\', '/'), "");
        }

        var changed = paths.Where(oldPaths.ContainsKey).ToList();
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            if (oldPaths[path] is { Length: > 0 } old && commit[old]?.Target is Blob blob)
            {
                contents[path] = blob.GetContentText();
            }
        }

        return new AssessmentScope(root, changed, changedSince, contents);
    }

    private static Commit? Lookup(Repository repository, string revision)
    {
        try
        {
            return repository.Lookup(revision)?.Peel<Commit>();
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }
}
