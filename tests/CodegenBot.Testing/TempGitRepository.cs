using LibGit2Sharp;

namespace CodegenBot.Testing;

/// <summary>A real git repository in a temporary folder, deleted on dispose.</summary>
public sealed class TempGitRepository : IDisposable
{
    private static readonly Signature Author = new("Test", "test@example.com", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private TempGitRepository(string path) => Path = path;

    /// <summary>The work tree's full path.</summary>
    public string Path { get; }

    /// <summary>The checked-out branch.</summary>
    public string CurrentBranch => Use(r => r.Head.FriendlyName);

    /// <summary>The commit HEAD points to.</summary>
    public string HeadSha => Use(r => r.Head.Tip.Sha);

    /// <summary>Local branch names.</summary>
    public IReadOnlyList<string> Branches => Use(r => r.Branches.Where(b => !b.IsRemote).Select(b => b.FriendlyName).ToList());

    /// <summary>Whether the work tree matches HEAD (ignored files aside).</summary>
    public bool IsClean => Use(r => !r.RetrieveStatus(new StatusOptions { IncludeUntracked = true, IncludeIgnored = false }).IsDirty);

    /// <summary>A new empty repository.</summary>
    public static TempGitRepository Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codegenbot-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        Repository.Init(path);
        return new TempGitRepository(path);
    }

    /// <summary>A repository with the files committed as "initial".</summary>
    public static TempGitRepository WithFiles(params (string Path, string Content)[] files)
    {
        var repository = Create();
        foreach (var (path, content) in files)
        {
            repository.WriteFile(path, content);
        }

        repository.Commit("initial");
        return repository;
    }

    /// <summary>Writes a file in the work tree, creating folders.</summary>
    public TempGitRepository WriteFile(string relativePath, string content)
    {
        var full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Deletes a file from the work tree.</summary>
    public TempGitRepository DeleteFile(string relativePath)
    {
        File.Delete(Full(relativePath));
        return this;
    }

    /// <summary>A file of the work tree.</summary>
    public string ReadFile(string relativePath) => File.ReadAllText(Full(relativePath));

    /// <summary>Whether the work tree has the file.</summary>
    public bool FileExists(string relativePath) => File.Exists(Full(relativePath));

    /// <summary>Stages everything and commits; returns the commit id.</summary>
    public string Commit(string message = "commit") => Use(r =>
    {
        Commands.Stage(r, "*");
        return r.Commit(message, Author, Author, new CommitOptions { AllowEmptyCommit = true }).Sha;
    });

    /// <summary>The tip of a branch, or null.</summary>
    public string? BranchTipSha(string branch) => Use(r => r.Branches[branch]?.Tip.Sha);

    /// <summary>Every file path in the tree of a branch's tip.</summary>
    public IReadOnlyList<string> FilesAtBranch(string branch) => Use(r =>
    {
        var files = new List<string>();
        Collect(r.Branches[branch].Tip.Tree, "", files);
        return (IReadOnlyList<string>)files;
    });

    /// <summary>A file's text at a branch's tip, or null.</summary>
    public string? FileAtBranch(string branch, string path) =>
        Use(r => r.Branches[branch]?.Tip[path]?.Target is Blob blob ? blob.GetContentText() : null);

    /// <summary>The message of a branch's tip commit, or null.</summary>
    public string? CommitMessage(string branch) => Use(r => r.Branches[branch]?.Tip.Message);

    /// <summary>A short status listing for assertion messages.</summary>
    public string Status() => Use(r => string.Join(", ", r.RetrieveStatus(new StatusOptions { IncludeUntracked = true })
        .Where(e => e.State != FileStatus.Ignored)
        .Select(e => $"{e.State} {e.FilePath}")));

    /// <inheritdoc />
    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void Collect(Tree tree, string prefix, List<string> files)
    {
        foreach (var entry in tree)
        {
            if (entry.Target is Tree subtree)
            {
                Collect(subtree, prefix + entry.Name + "/", files);
            }
            else
            {
                files.Add(prefix + entry.Name);
            }
        }
    }

    private T Use<T>(Func<Repository, T> action)
    {
        using var repository = new Repository(Path);
        return action(repository);
    }

    private string Full(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
