using LibGit2Sharp;

namespace CodegenBot.Core.Workspace;

/// <summary>
/// The user's local repository. The bot never writes to its work tree or index: each request gets a
/// <see cref="WorkTree"/> (a linked git worktree in a temporary folder) on a branch of its own.
/// </summary>
internal sealed class GitWorkspace : IDisposable
{
    private readonly Repository _repository;

    private GitWorkspace(Repository repository, string root)
    {
        _repository = repository;
        Root = root;
    }

    /// <summary>The root of the user's work tree.</summary>
    public string Root { get; }

    /// <summary>The branch the user has checked out.</summary>
    public string CurrentBranch => _repository.Head.FriendlyName;

    public static GitWorkspace Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new UserErrorException($"The repository folder '{full}' does not exist; pass the path of a git checkout with --repo.");
        }

        var gitDirectory = Repository.Discover(full);
        if (gitDirectory is null)
        {
            throw new UserErrorException($"'{full}' is not inside a git repository; run 'git init' and commit, or pass a checkout with --repo.");
        }

        var repository = new Repository(gitDirectory);
        if (repository.Info.IsBare || repository.Info.WorkingDirectory is null)
        {
            repository.Dispose();
            throw new UserErrorException($"'{full}' is a bare repository; pass a checkout that has a work tree with --repo.");
        }

        if (repository.Head.Tip is null)
        {
            repository.Dispose();
            throw new UserErrorException($"The repository at '{full}' has no commits yet; commit once so the bot has a base to branch from.");
        }

        return new GitWorkspace(repository, repository.Info.WorkingDirectory.TrimEnd(Path.DirectorySeparatorChar));
    }

    /// <summary>Refuses to go on when the work tree has uncommitted or untracked (not ignored) changes.</summary>
    public void EnsureClean()
    {
        var status = _repository.RetrieveStatus(new StatusOptions { IncludeIgnored = false, IncludeUntracked = true, RecurseUntrackedDirs = true });
        var dirty = status.Where(e => e.State != FileStatus.Unaltered && e.State != FileStatus.Ignored).Select(e => e.FilePath).ToList();
        if (dirty.Count > 0)
        {
            var examples = string.Join(", ", dirty.Take(3));
            throw new UserErrorException(
                $"The work tree at '{Root}' has {dirty.Count} uncommitted change(s) ({examples}{(dirty.Count > 3 ? ", ..." : "")}); commit or stash them first so the bot works from a known commit.");
        }
    }

    /// <summary>A branch name under the prefix that no branch has yet.</summary>
    public string NewBranchName(string prefix, string title)
    {
        var name = prefix + BranchNames.Slug(title);
        var candidate = name;
        for (var n = 2; _repository.Branches[candidate] is not null; n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }

    /// <summary>
    /// Creates the branch at <paramref name="startPoint"/> (HEAD when null) and checks it out in a new linked
    /// worktree in a temporary folder. With <paramref name="replace"/>, an existing local branch of that name that
    /// is not checked out is moved there.
    /// </summary>
    public WorkTree CreateWorkTree(string branchName, string? startPoint = null, bool replace = false)
    {
        var baseCommit = startPoint is null
            ? _repository.Head.Tip
            : _repository.Lookup<Commit>(startPoint) ?? throw new UserErrorException($"The start point '{startPoint}' is not a commit of '{Root}'; fetch it first.");
        if (replace && _repository.Branches[branchName] is { } existing)
        {
            if (existing.IsCurrentRepositoryHead)
            {
                throw new UserErrorException($"The branch '{branchName}' is checked out in '{Root}'; check out another branch so the bot can work on it.");
            }

            _repository.Branches.Remove(existing);
        }

        _repository.CreateBranch(branchName, baseCommit);

        // libgit2 names the worktree's private folder after 'name' and, as a side effect, also creates a branch
        // called 'name'. A random name cannot collide with the user's branches, and the stray branch is removed.
        var name = $"codegen-wt-{Guid.NewGuid():N}"[..24];
        var path = Path.Combine(Path.GetTempPath(), "codegenbot", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var worktree = _repository.Worktrees.Add(branchName, name, path, isLocked: false);
        if (_repository.Branches[name] is { } stray)
        {
            _repository.Branches.Remove(stray);
        }

        return new WorkTree(_repository, worktree, path, branchName, baseCommit.Sha);
    }

    public void Dispose() => _repository.Dispose();
}
