namespace CodegenBot.Core.Generation;

/// <summary>
/// Applies SEARCH/REPLACE blocks to files: each SEARCH must match one place, exactly or within the tolerances of
/// <see cref="SearchMatcher"/> (trailing whitespace, indentation, blank lines, near-equality), and the file keeps
/// its line endings; an empty SEARCH creates a file that does not exist yet. Refused and unmatched blocks become problems the model can act on;
/// the other blocks are still applied, in order.
/// </summary>
internal sealed class EditApplier(PathGuard guard)
{
    public EditApplication Apply(IReadOnlyList<EditBlock> blocks)
    {
        var applied = new List<AppliedEdit>();
        var problems = new List<string>();
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            var (fullPath, refusal) = guard.Check(block.Path);
            if (fullPath is null)
            {
                problems.Add(refusal!);
                continue;
            }

            var problem = ApplyOne(block, fullPath, index + 1, applied);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return new EditApplication(applied, problems);
    }

    private static string? ApplyOne(EditBlock block, string fullPath, int number, List<AppliedEdit> applied)
    {
        var exists = File.Exists(fullPath);
        if (block.WholeFile)
        {
            var before = exists ? File.ReadAllText(fullPath) : "";
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            var crlfFile = before.Contains("\r\n", StringComparison.Ordinal);
            File.WriteAllText(fullPath, crlfFile ? block.Replace.Replace("\n", "\r\n", StringComparison.Ordinal) : block.Replace);
            applied.Add(new AppliedEdit(block.Path, exists ? EditKind.Modified : EditKind.Created, LineCount(before), LineCount(block.Replace), MatchKind.Exact, exists ? 1 : 0));
            return null;
        }

        if (block.Search.Length == 0)
        {
            if (exists && new FileInfo(fullPath).Length > 0)
            {
                return $"Block {number} has an empty SEARCH for {block.Path}, which already exists; put the lines to replace in SEARCH.";
            }

            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllText(fullPath, block.Replace);
            applied.Add(new AppliedEdit(block.Path, EditKind.Created, 0, LineCount(block.Replace)));
            return null;
        }

        if (!exists)
        {
            return $"Block {number} edits {block.Path}, which does not exist; use an empty SEARCH to create it, or fix the path.";
        }

        var original = File.ReadAllText(fullPath);
        var crlf = original.Contains("\r\n", StringComparison.Ordinal);
        var content = crlf ? original.Replace("\r\n", "\n", StringComparison.Ordinal) : original;
        var finalNewline = content.EndsWith('\n');
        var lines = Lines(content);
        var found = SearchMatcher.Find(lines, Lines(block.Search), Lines(block.Replace), block.Path);
        if (found.Match is not { } match)
        {
            return $"Block {number}: {found.Problem}";
        }

        var updated = lines.Take(match.StartLine).Concat(match.Replacement).Concat(lines.Skip(match.StartLine + match.LineCount)).ToList();
        var text = string.Join('\n', updated) + (finalNewline && updated.Count > 0 ? "\n" : "");
        File.WriteAllText(fullPath, crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text);
        applied.Add(new AppliedEdit(block.Path, EditKind.Modified, match.LineCount, match.Replacement.Count, match.Kind, match.StartLine + 1));
        return null;
    }

    /// <summary>The lines of LF text, without the empty piece after a final newline.</summary>
    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static int LineCount(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
}
