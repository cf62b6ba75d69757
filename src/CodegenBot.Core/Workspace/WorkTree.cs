using LibGit2Sharp;

namespace CodegenBot.Core.Workspace;

/// <summary>The changes of an attempt, staged in the work tree: paths and the unified diff against the base.</summary>
public sealed record ChangeSet(IReadOnlyList<string> ChangedPaths, string Diff, int LinesAdded, int LinesDeleted);

/// <summary>
/// A linked worktree on the request's branch. Attempts are applied here, assessed here and committed here;
/// the user's checkout is never touched. Disposing removes the folder and the worktree's registration.
/// </summary>
internal sealed class WorkTree : IDisposable
{
    private readonly Repository _main;
    private readonly Worktree _worktree;
    private readonly Repository _repository;
    private bool _removed;

    public WorkTree(Repository main, Worktree worktree, string path, string branch, string baseSha)
    {
        _main = main;
        _worktree = worktree;
        _repository = worktree.WorktreeRepository;
        Path = path;
        Branch = branch;
        BaseSha = baseSha;
    }

    public string Path { get; }

    public string Branch { get; }

    public string BaseSha { get; }

    /// <summary>Throws away every change since the base commit (each attempt starts from the same tree).</summary>
    public void Reset()
    {
        _repository.Reset(ResetMode.Hard, _repository.Lookup<Commit>(BaseSha));
        _repository.RemoveUntrackedFiles();
    }

    /// <summary>Stages everything and describes the change against the base commit.</summary>
    public ChangeSet Stage()
    {
        Commands.Stage(_repository, "*");
        var baseTree = _repository.Lookup<Commit>(BaseSha).Tree;
        var patch = _repository.Diff.Compare<Patch>(baseTree, DiffTargets.Index);
        return new ChangeSet(
            patch.Select(p => p.Path.Replace('\\', '/')).ToList(),
            patch.Content,
            patch.LinesAdded,
            patch.LinesDeleted);
    }

    /// <summary>A file's text at the base commit, or null when it did not exist there (or is not a file).</summary>
    public string? OriginalText(string path) =>
        _repository.Lookup<Commit>(BaseSha)[path.Replace('\\', '/')]?.Target is Blob blob ? blob.GetContentText() : null;

    /// <summary>Commits the staged change on the branch; returns the commit id.</summary>
    public string Commit(string message, string authorName, string authorEmail, DateTimeOffset when)
    {
        var author = new Signature(authorName, authorEmail, when);
        var commit = _repository.Commit(message, author, author, new CommitOptions { AllowEmptyCommit = false });
        return commit.Sha;
    }

    /// <summary>Removes the branch (after a dry run or when the request gave up with nothing to keep).</summary>
    public void DeleteBranch()
    {
        RemoveWorktree();
        if (_main.Branches[Branch] is { } branch)
        {
            _main.Branches.Remove(branch);
        }
    }

    public void Dispose() => RemoveWorktree();

    private void RemoveWorktree()
    {
        if (_removed)
        {
            return;
        }

        _removed = true;
        _repository.Dispose();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        if (_main.Worktrees[_worktree.Name] is { } registered)
        {
            _main.Worktrees.Prune(registered, ifLocked: false);
        }
    }
}
