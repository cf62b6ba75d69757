using CodegenBot.Core.Requests;

namespace CodegenBot.GitHub.Events;

/// <summary>What a <c>/codegen</c> comment asks for.</summary>
public enum CommandVerb
{
    /// <summary><c>/codegen [mode] [instructions]</c>: generate a change.</summary>
    Generate,

    /// <summary><c>/codegen retry</c>: run the last request again.</summary>
    Retry,

    /// <summary><c>/codegen revise</c>: address the open review comments of the bot's pull request.</summary>
    Revise,

    /// <summary><c>/codegen assess</c>: post the quality report of a pull request.</summary>
    Assess,

    /// <summary><c>/codegen help</c>, or a command the bot does not know.</summary>
    Help,
}

/// <summary>A parsed <c>/codegen</c> command.</summary>
/// <param name="Verb">What is asked.</param>
/// <param name="Mode">The mode named after <c>/codegen</c>, if any.</param>
/// <param name="Instructions">The rest of the comment: instructions for the model.</param>
/// <param name="Unknown">The word that was not understood, when <paramref name="Verb"/> is Help for that reason.</param>
public sealed record SlashCommand(CommandVerb Verb, GenerationMode? Mode, string Instructions, string? Unknown = null)
{
    /// <summary>The command word.</summary>
    public const string Prefix = "/codegen";

    private static readonly Dictionary<string, GenerationMode> ModeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["feature"] = GenerationMode.Feature,
        ["bugfix"] = GenerationMode.Bugfix,
        ["fix"] = GenerationMode.Bugfix,
        ["refactor"] = GenerationMode.Refactor,
        ["test"] = GenerationMode.Test,
        ["tests"] = GenerationMode.Test,
        ["docs"] = GenerationMode.Docs,
        ["optimize"] = GenerationMode.Optimize,
        ["optimise"] = GenerationMode.Optimize,
    };

    /// <summary>
    /// The command on the comment's first non-empty line, or null when the comment is not a command (quoted
    /// lines and text before the command do not count, so quoting a command in a reply does not run it).
    /// </summary>
    public static SlashCommand? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var line = lines[first].Trim();
        if (!line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || (line.Length > Prefix.Length && !char.IsWhiteSpace(line[Prefix.Length])))
        {
            return null;
        }

        var rest = line[Prefix.Length..].Trim();
        var more = string.Join('\n', lines.Skip(first + 1)).Trim();
        var space = rest.IndexOfAny([' ', '\t']);
        var word = space < 0 ? rest : rest[..space];
        var after = (space < 0 ? "" : rest[(space + 1)..].Trim()) is var tail && more.Length > 0 ? (tail + "\n" + more).Trim() : tail;
        if (word.Length == 0)
        {
            return new SlashCommand(CommandVerb.Generate, null, more);
        }

        return word.ToLowerInvariant() switch
        {
            "retry" or "rerun" => new SlashCommand(CommandVerb.Retry, null, after),
            "revise" => new SlashCommand(CommandVerb.Revise, null, after),
            "assess" => new SlashCommand(CommandVerb.Assess, null, after),
            "help" => new SlashCommand(CommandVerb.Help, null, ""),
            _ when ModeWords.TryGetValue(word, out var mode) => new SlashCommand(CommandVerb.Generate, mode, after),
            // A lone unknown word is most likely a mistyped command; a sentence is instructions.
            _ when after.Length == 0 && word.All(char.IsAsciiLetter) => new SlashCommand(CommandVerb.Help, null, "", word),
            _ => new SlashCommand(CommandVerb.Generate, null, (rest + "\n" + more).Trim()),
        };
    }

    /// <summary>The mode a word names (<c>bugfix</c>, <c>fix</c>, <c>docs</c>...), or null.</summary>
    public static GenerationMode? ModeOf(string? word) =>
        word is not null && ModeWords.TryGetValue(word.Trim(), out var mode) ? mode : null;
}
