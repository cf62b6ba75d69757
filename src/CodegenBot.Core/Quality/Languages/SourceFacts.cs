using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>Facts every analyzer needs: line counts, test conventions, binary detection.</summary>
internal static class SourceFacts
{
    private static readonly string[] TestFolders = ["test", "tests", "__tests__", "spec", "specs"];

    /// <summary>Lines of the text (a final line break does not start another line).</summary>
    public static int LineCount(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var lines = text.AsSpan().Count('\n');
        return text[^1] == '\n' ? lines : lines + 1;
    }

    /// <summary>For each 1-based line, whether it holds code once comments are blanked (index 0 unused).</summary>
    public static bool[] CodeLineMap(MaskedSource masked)
    {
        var code = masked.Code;
        var map = new bool[LineCount(code) + 2];
        var line = 1;
        foreach (var c in code)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                map[line] = true;
            }
        }

        return map;
    }

    /// <summary>Lines from <paramref name="first"/> to <paramref name="last"/> that hold code.</summary>
    public static int CodeLines(bool[] map, int first, int last)
    {
        var count = 0;
        for (var line = Math.Max(1, first); line <= last && line < map.Length; line++)
        {
            count += map[line] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether the file lies in a test folder (test, tests, __tests__, spec).</summary>
    public static bool InTestFolder(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return parts[..^1].Any(p => TestFolders.Contains(p, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The file name without folders.</summary>
    public static string FileName(string path) => path.Replace('\\', '/').Split('/')[^1];

    /// <summary>Whether the text looks binary (NUL characters or many control characters): such input is not analysed.</summary>
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if ((c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f') || c == '\uFFFD')
            {
                control++;
            }
        }

        return control > sample.Length / 10 + 1;
    }
}
