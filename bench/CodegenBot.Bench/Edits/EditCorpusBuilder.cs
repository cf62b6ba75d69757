namespace CodegenBot.Bench.Edits;

/// <summary>
/// Builds edit cases from a repository's real files, deterministically from a seed: a window of lines, an
/// intended change (a line modified, inserted or deleted), and one kind of drift a model's SEARCH block shows in
/// practice: none, lost or added indentation, trailing spaces, a CRLF file edited with LF text, missing blank
/// lines, a typo in one line; plus blocks that must be refused: text found at several places, text not in the file.
/// </summary>
internal static class EditCorpusBuilder
{
    public static readonly string[] Drifts = ["exact", "indentation", "trailing-space", "crlf", "blank-lines", "typo", "ambiguous", "absent"];

    private const int MinFileBytes = 2_000;
    private const int MaxFileBytes = 60_000;

    public static async Task<IReadOnlyList<EditCase>> BuildAsync(string gitDirectory, string repo, IReadOnlySet<string> extensions, int count, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var commit = (await Git.RunAsync(gitDirectory, cancellationToken, "rev-parse", "HEAD")).Trim();
        var paths = (await Git.RunAsync(gitDirectory, cancellationToken, "ls-tree", "-r", "--long", commit))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Where(p => p.Length == 2 && long.TryParse(p[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], out var size) && size is >= MinFileBytes and <= MaxFileBytes)
            .Select(p => p[1])
            .Where(p => extensions.Contains(Path.GetExtension(p).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        var cases = new List<EditCase>();
        var attempts = 0;
        while (cases.Count < count && attempts++ < count * 50)
        {
            var path = paths[random.Next(paths.Count)];
            var text = (await Git.RunAsync(gitDirectory, cancellationToken, "show", $"{commit}:{path}")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var lines = text.TrimEnd('\n').Split('\n');
            var drift = Drifts[cases.Count % Drifts.Length];
            if (Make(random, lines, drift, path) is { } made)
            {
                cases.Add(made with { Repo = repo, Commit = commit });
            }
        }

        return cases;
    }

    private static EditCase? Make(Random random, string[] lines, string drift, string path)
    {
        switch (drift)
        {
            case "ambiguous":
                return Ambiguous(random, lines, path);
            case "absent":
                var invented = new[] { "    var unrelated = Compute(42, \"absent\");", "    return unrelated.Value;" };
                return lines.Any(l => l.Contains("Compute(42, \"absent\")", StringComparison.Ordinal)) ? null : Case(path, drift, false, invented, invented, -1, 0, []);
        }

        var length = random.Next(2, 11);
        var start = random.Next(0, Math.Max(1, lines.Length - length));
        if (start + length > lines.Length)
        {
            return null;
        }

        var window = lines[start..(start + length)];
        if (window[0].Trim().Length == 0 || window[^1].Trim().Length == 0 || window.Count(l => l.Trim().Length > 0) < 2
            || Occurrences(lines, window, Squash) != 1)
        {
            return null;
        }

        var intended = Change(random, window);
        var search = window.ToArray();
        var replace = intended.ToArray();
        switch (drift)
        {
            case "indentation":
                var common = window.Where(l => l.Trim().Length > 0).Select(Indent).Aggregate(CommonPrefix);
                (search, replace) = common.Length > 0
                    ? (Dedent(search, common.Length), Dedent(replace, common.Length))
                    : (search.Select(l => l.Length == 0 ? l : "    " + l).ToArray(), replace.Select(l => l.Length == 0 ? l : "    " + l).ToArray());
                break;
            case "trailing-space":
                var target = Array.FindIndex(search, l => l.Trim().Length > 0);
                search[target] += "  ";
                search[^1] += " ";
                break;
            case "blank-lines":
                if (!search.Any(l => l.Trim().Length == 0))
                {
                    return null;
                }

                search = search.Where(l => l.Trim().Length > 0).ToArray();
                break;
            case "typo":
                var candidates = Enumerable.Range(0, search.Length).Where(i => search[i].Trim().Length >= 20).ToList();
                if (candidates.Count == 0 || search.Sum(l => l.Trim().Length) < 60)
                {
                    return null;
                }

                var line = candidates[random.Next(candidates.Count)];
                var at = search[line].Length - 1 - random.Next(search[line].Trim().Length / 2);
                search[line] = search[line].Remove(at, 1);
                break;
        }

        return Case(path, drift, drift == "crlf", search, replace, start, length, intended);
    }

    private static EditCase? Ambiguous(Random random, string[] lines, string path)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            var length = random.Next(1, 3);
            var start = random.Next(0, Math.Max(1, lines.Length - length));
            if (start + length > lines.Length)
            {
                continue;
            }

            var window = lines[start..(start + length)];
            if (window.Any(l => l.Trim().Length > 0) && Occurrences(lines, window, l => l) >= 2)
            {
                return Case(path, "ambiguous", false, window, [.. window, window[^1]], -1, 0, []);
            }
        }

        return null;
    }

    /// <summary>The intended change: modify a line, insert one after it, or delete one.</summary>
    private static string[] Change(Random random, string[] window)
    {
        var lines = window.ToList();
        var nonBlank = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        var index = nonBlank[random.Next(nonBlank.Count)];
        switch (random.Next(3))
        {
            case 0:
                lines[index] = lines[index].TrimEnd() + " // edited";
                break;
            case 1:
                lines.Insert(index + 1, Indent(lines[index]) + "LogChange(\"inserted\");");
                break;
            default:
                if (lines.Count > 2)
                {
                    lines.RemoveAt(index);
                }
                else
                {
                    lines[index] += " /* kept */";
                }

                break;
        }

        return lines.ToArray();
    }

    private static EditCase Case(string path, string drift, bool crlf, string[] search, string[] replace, int start, int count, string[] expected) =>
        new("", "", path, drift, crlf, string.Join('\n', search) + "\n", string.Join('\n', replace) + "\n", start, count, expected);

    /// <summary>How many places of the file equal the window under a line normalisation.</summary>
    private static int Occurrences(string[] lines, string[] window, Func<string, string> normalise)
    {
        var wanted = window.Select(normalise).Where(l => l.Length > 0).ToArray();
        var file = lines.Select(normalise).Where(l => l.Length > 0).ToArray();
        var found = 0;
        for (var i = 0; i + wanted.Length <= file.Length; i++)
        {
            if (wanted.Select((w, j) => w == file[i + j]).All(b => b))
            {
                found++;
            }
        }

        return found;
    }

    private static string Squash(string line) => line.Trim();

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static string CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return a[..i];
    }

    private static string[] Dedent(string[] lines, int width) =>
        lines.Select(l => l.Length >= width && l[..width].Trim().Length == 0 ? l[width..] : l.TrimStart()).ToArray();
}
