using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using LibGit2Sharp;

namespace CodegenBot.GitHub.Git;

/// <summary>
/// The bot's configuration file and template overrides as the base branch has them, copied out of git into a
/// temporary folder. On a pull request the work tree holds the PR's code, and reading the bot's instructions
/// from there would let a change rewrite them; this copy is what the run reads instead.
/// </summary>
internal sealed class BaseConfiguration : IDisposable
{
    private BaseConfiguration(string root, string? configFile)
    {
        Root = root;
        ConfigFile = configFile;
    }

    /// <summary>The folder standing in for the repository root (holds <c>.github/codegen/templates/</c> when the base has them).</summary>
    public string Root { get; }

    /// <summary>The configuration file's copy, or null when the base commit has none.</summary>
    public string? ConfigFile { get; }

    /// <summary>Copies the configuration file (at <paramref name="configPath"/>) and the template overrides of <paramref name="commitSha"/>.</summary>
    public static BaseConfiguration Extract(string repositoryPath, string commitSha, string configPath)
    {
        var root = Path.Combine(Path.GetTempPath(), "codegenbot", "base-config-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        using var repository = new Repository(repositoryPath);
        var commit = repository.Lookup<Commit>(commitSha) ?? throw new InvalidOperationException($"Commit {commitSha} is not in the repository.");
        string? configFile = null;
        if (commit[configPath.Replace('\\', '/')]?.Target is Blob blob)
        {
            configFile = Path.Combine(root, configPath);
            Write(configFile, blob);
        }

        if (commit[TemplateRenderer.OverrideFolder]?.Target is Tree templates)
        {
            Copy(templates, Path.Combine(root, TemplateRenderer.OverrideFolder));
        }

        return new BaseConfiguration(root, configFile);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Copy(Tree tree, string folder)
    {
        foreach (var entry in tree)
        {
            var target = Path.Combine(folder, entry.Name);
            switch (entry.Target)
            {
                case Tree child:
                    Copy(child, target);
                    break;
                case Blob blob when entry.Mode is Mode.NonExecutableFile or Mode.ExecutableFile:
                    Write(target, blob);
                    break;
            }
        }
    }

    private static void Write(string path, Blob blob)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var content = blob.GetContentStream();
        using var file = File.Create(path);
        content.CopyTo(file);
    }
}
