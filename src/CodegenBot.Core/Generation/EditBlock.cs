namespace CodegenBot.Core.Generation;

/// <summary>One edit the model asked for: replace <see cref="Search"/> with <see cref="Replace"/> in a file.</summary>
/// <param name="Path">The file, relative to the repository root, as the model wrote it.</param>
/// <param name="Search">Exact existing text; empty means "create the file".</param>
/// <param name="Replace">The new text.</param>
/// <param name="Line">The line of the model's answer where the block starts (for feedback).</param>
/// <param name="WholeFile">A whole-file block: <see cref="Replace"/> is the file's complete new content.</param>
public sealed record EditBlock(string Path, string Search, string Replace, int Line, bool WholeFile = false);

/// <summary>The edits found in an answer, and what could not be read.</summary>
public sealed record EditParseResult(IReadOnlyList<EditBlock> Blocks, IReadOnlyList<string> Problems);

/// <summary>How an edit changed a file.</summary>
public enum EditKind
{
    /// <summary>The file did not exist before.</summary>
    Created,

    /// <summary>Text in an existing file was replaced.</summary>
    Modified,

    /// <summary>The file was deleted.</summary>
    Deleted,
}

/// <summary>An edit that was applied, for the report.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">Created or modified.</param>
/// <param name="LinesRemoved">Lines the SEARCH block replaced.</param>
/// <param name="LinesAdded">Lines of the replacement.</param>
/// <param name="Match">How the SEARCH block was found (exact, or which tolerance it needed).</param>
/// <param name="StartLine">First line of the change, 1-based (0 for created files).</param>
public sealed record AppliedEdit(string Path, EditKind Kind, int LinesRemoved, int LinesAdded, MatchKind Match = MatchKind.Exact, int StartLine = 0);

/// <summary>What applying the edits of one answer did.</summary>
public sealed record EditApplication(IReadOnlyList<AppliedEdit> Applied, IReadOnlyList<string> Problems);
