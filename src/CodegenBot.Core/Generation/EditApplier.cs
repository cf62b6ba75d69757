namespace CodegenBot.Core.Generation;

/// <summary>
/// Applies SEARCH/REPLACE blocks to files: each SEARCH must match exactly once (line endings aside); an empty
/// SEARCH creates a file that does not exist yet. Refused and unmatched blocks become problems the model can act on;
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
        var matches = CountOccurrences(content, block.Search);
        if (matches == 0)
        {
            return $"Block {number}: the SEARCH text was not found in {block.Path}; copy the lines exactly as they are in the file, whitespace included.";
        }

        if (matches > 1)
        {
            return $"Block {number}: the SEARCH text matched {matches} places in {block.Path}; include more surrounding lines so it matches once.";
        }

        var index = content.IndexOf(block.Search, StringComparison.Ordinal);
        var updated = string.Concat(content.AsSpan(0, index), block.Replace, content.AsSpan(index + block.Search.Length));
        File.WriteAllText(fullPath, crlf ? updated.Replace("\n", "\r\n", StringComparison.Ordinal) : updated);
        applied.Add(new AppliedEdit(block.Path, EditKind.Modified, LineCount(block.Search), LineCount(block.Replace)));
        return null;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int LineCount(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
}
