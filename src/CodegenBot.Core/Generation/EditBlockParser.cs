using System.Text.RegularExpressions;

namespace CodegenBot.Core.Generation;

/// <summary>
/// Reads the text protocol: a line with the file path, a code fence, then either
/// <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH</c> / <c>=======</c> / <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE</c>, or a whole file between
/// <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; FILE</c> and <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; FILE</c>.
/// Several blocks may follow one path. Problems are worded so the model can correct its next answer.
/// </summary>
internal static partial class EditBlockParser
{
    public static EditParseResult Parse(string answer)
    {
        var lines = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<EditBlock>();
        var problems = new List<string>();
        string? path = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (FileMarker().IsMatch(line))
            {
                var start = i + 1;
                var content = new List<string>();
                var closed = false;
                for (i++; i < lines.Length; i++)
                {
                    if (FileEndMarker().IsMatch(lines[i]))
                    {
                        closed = true;
                        break;
                    }

                    content.Add(lines[i]);
                }

                if (path is null)
                {
                    problems.Add($"The FILE block at line {start} has no file path; put the path alone on the line before its opening ``` fence.");
                }
                else if (!closed)
                {
                    problems.Add($"The FILE block at line {start} for {path} is not complete; end it with '>>>>>>> FILE'.");
                }
                else
                {
                    blocks.Add(new EditBlock(path, "", Join(content), start, WholeFile: true));
                }

                continue;
            }

            if (SearchMarker().IsMatch(line))
            {
                var start = i + 1;
                if (path is null)
                {
                    problems.Add($"The SEARCH block at line {start} has no file path; put the path alone on the line before its opening ``` fence.");
                }

                var search = new List<string>();
                var replace = new List<string>();
                var target = search;
                var closed = false;
                for (i++; i < lines.Length; i++)
                {
                    if (DividerMarker().IsMatch(lines[i]) && target == search)
                    {
                        target = replace;
                    }
                    else if (ReplaceMarker().IsMatch(lines[i]) && target == replace)
                    {
                        closed = true;
                        break;
                    }
                    else if (SearchMarker().IsMatch(lines[i]) || ReplaceMarker().IsMatch(lines[i]) || DividerMarker().IsMatch(lines[i]))
                    {
                        break;
                    }
                    else
                    {
                        target.Add(lines[i]);
                    }
                }

                if (!closed)
                {
                    problems.Add($"The SEARCH block at line {start}{(path is null ? "" : $" for {path}")} is not complete; each block needs '=======' and then '>>>>>>> REPLACE'.");
                    i--;
                    continue;
                }

                if (path is not null)
                {
                    blocks.Add(new EditBlock(path, Join(search), Join(replace), start));
                }
            }
            else if (CandidatePath(line) is { } candidate)
            {
                path = candidate;
            }
        }

        return new EditParseResult(blocks, problems);
    }

    private static string Join(List<string> lines) => lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";

    /// <summary>A line that could name a file: not a fence, not prose (no spaces), stripped of Markdown decoration.</summary>
    private static string? CandidatePath(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith("```", StringComparison.Ordinal))
        {
            return null;
        }

        text = text.Trim('*', '`', '#', ' ').TrimEnd(':');
        if (text.StartsWith("File:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..].Trim().Trim('`');
        }

        return PathShape().IsMatch(text) ? text : null;
    }

    [GeneratedRegex(@"^\s*<{5,9} ?SEARCH\s*$")]
    private static partial Regex SearchMarker();

    [GeneratedRegex(@"^\s*<{5,9} ?FILE\s*$")]
    private static partial Regex FileMarker();

    [GeneratedRegex(@"^\s*>{5,9} ?FILE\s*$")]
    private static partial Regex FileEndMarker();

    [GeneratedRegex(@"^\s*={5,9}\s*$")]
    private static partial Regex DividerMarker();

    [GeneratedRegex(@"^\s*>{5,9} ?REPLACE\s*$")]
    private static partial Regex ReplaceMarker();

    [GeneratedRegex(@"^[^\s<>|""]+$")]
    private static partial Regex PathShape();
}
