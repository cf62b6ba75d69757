namespace CodegenBot.Core.Context;

/// <summary>One instruction file of the team (AGENTS.md, CONTRIBUTING.md, ...), possibly cut to fit the budget.</summary>
public sealed record TeamDocument(string Path, string Content, bool Truncated);

/// <summary>Finds the files in which a team tells contributors, human or not, how to work.</summary>
internal static class TeamInstructions
{
    /// <summary>Instruction files, most specific to agents first.</summary>
    public static readonly IReadOnlyList<string> KnownFiles =
    [
        "AGENTS.md", "CLAUDE.md", ".github/copilot-instructions.md", "CONTRIBUTING.md", ".github/CONTRIBUTING.md", ".editorconfig",
    ];

    public static IReadOnlyList<TeamDocument> Load(string root, IReadOnlyList<RepositoryFile> files, int tokenBudget, TokenCounter tokens)
    {
        var documents = new List<TeamDocument>();
        var remaining = tokenBudget;
        foreach (var path in KnownFiles)
        {
            var file = files.FirstOrDefault(f => f.Path == path && f.Readable);
            if (file is null || remaining <= 0)
            {
                continue;
            }

            var content = File.ReadAllText(System.IO.Path.Combine(root, path));
            var cut = tokens.Truncate(content, remaining);
            remaining -= tokens.Count(cut);
            documents.Add(new TeamDocument(path, cut, cut.Length < content.Length));
        }

        return documents;
    }
}
