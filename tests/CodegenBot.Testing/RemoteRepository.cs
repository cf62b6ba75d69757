using LibGit2Sharp;

namespace CodegenBot.Testing;

/// <summary>
/// What GitHub stores for a repository, on disk: a bare repository with <c>main</c> as its HEAD, seeded with files,
/// plus helpers to clone it (the runner's checkout) and to push as a person would.
/// </summary>
public sealed class RemoteRepository
{
    private static readonly Signature Person = new("Alice", "alice@example.com", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    private RemoteRepository(string barePath) => BarePath = barePath;

    /// <summary>The bare repository.</summary>
    public string BarePath { get; }

    /// <summary>Creates <c>{root}/remote.git</c> with one commit on <c>main</c> holding the files.</summary>
    public static RemoteRepository Create(string root, IEnumerable<(string Path, string Content)> files)
    {
        var bare = Path.Combine(root, "remote.git");
        var seedPath = Path.Combine(root, "seed-" + Guid.NewGuid().ToString("N")[..8]);
        Repository.Init(bare, isBare: true);
        using (var seed = new Repository(Repository.Init(seedPath)))
        {
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(seedPath, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }

            Commands.Stage(seed, "*");
            seed.Commit("initial", Person, Person);
            seed.Network.Remotes.Add("origin", bare);
            seed.Network.Push(seed.Network.Remotes["origin"], $"{seed.Head.CanonicalName}:refs/heads/main");
        }

        using (var remote = new Repository(bare))
        {
            remote.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        DeleteFolder(seedPath);
        return new RemoteRepository(bare);
    }

    /// <summary>Clones the remote into <paramref name="path"/> (origin = the bare repository), as actions/checkout does.</summary>
    public string Clone(string path)
    {
        Repository.Clone(BarePath, path);
        return path;
    }

    /// <summary>The commit a branch points to, or null.</summary>
    public string? Tip(string branch)
    {
        using var bare = new Repository(BarePath);
        return bare.Branches[branch]?.Tip.Sha;
    }

    /// <summary>A file's text on a branch, or null.</summary>
    public string? FileAt(string branch, string path)
    {
        using var bare = new Repository(BarePath);
        return bare.Branches[branch]?.Tip[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }

    /// <summary>Commits on a branch, newest first: id, subject and full message.</summary>
    public IReadOnlyList<(string Sha, string Subject, string Message)> Log(string branch)
    {
        using var bare = new Repository(BarePath);
        return bare.Branches[branch] is { } b
            ? bare.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = b.Tip, SortBy = CommitSortStrategies.Topological }).Select(c => (c.Sha, c.MessageShort, c.Message)).ToList()
            : [];
    }

    /// <summary>A person commits a file on a branch (through a clone of their own in <paramref name="scratch"/>) and pushes; returns the commit.</summary>
    public string PushAsPerson(string scratch, string branch, string path, string content) =>
        CommitAndPush(Path.Combine(scratch, "person-" + Guid.NewGuid().ToString("N")[..8]), branch, newBranch: false, path, content, "A person's change");

    /// <summary>Commits a file on a new branch made from <c>main</c> in a clone beside <paramref name="scratch"/> and pushes it (a contributor's pull request branch).</summary>
    public string PushBranch(string scratch, string branch, string path, string content) =>
        CommitAndPush(Path.Combine(Path.GetDirectoryName(scratch)!, "contributor-" + Guid.NewGuid().ToString("N")[..8]), branch, newBranch: true, path, content, "A contributor's change");

    private string CommitAndPush(string clone, string branch, bool newBranch, string path, string content, string message)
    {
        Repository.Clone(BarePath, clone, newBranch ? new CloneOptions() : new CloneOptions { BranchName = branch });
        using var repository = new Repository(clone);
        if (newBranch)
        {
            Commands.Checkout(repository, repository.CreateBranch(branch));
        }

        var full = Path.Combine(clone, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Commands.Stage(repository, path);
        var commit = repository.Commit(message, Person, Person);
        repository.Network.Push(repository.Network.Remotes["origin"], $"refs/heads/{branch}:refs/heads/{branch}");
        return commit.Sha;
    }

    /// <summary>Deletes a folder that may hold read-only git objects.</summary>
    public static void DeleteFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(path, recursive: true);
    }
}
