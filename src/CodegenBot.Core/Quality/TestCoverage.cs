using System.Text.RegularExpressions;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality;

/// <summary>
/// Whether changed code has tests: a test file named for it anywhere in the repository (<c>ParserTests.cs</c>,
/// <c>test_parser.py</c>, <c>parser.test.ts</c>, <c>parser_test.go</c>, <c>ParserTest.java</c>), or a test file in
/// the same change that mentions it by name.
/// </summary>
internal static class TestCoverage
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules", "dist", "build", "target", "vendor", ".venv", "venv", "__pycache__" };

    /// <summary>Test subjects (stems of the files tests are named for) in the repository, lower-cased.</summary>
    public static HashSet<string> Subjects(string root)
    {
        var subjects = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder);
                foreach (var entry in entries)
                {
                    var name = Path.GetFileName(entry);
                    if (Directory.Exists(entry))
                    {
                        if (!SkippedFolders.Contains(name) && (File.GetAttributes(entry) & FileAttributes.ReparsePoint) == 0)
                        {
                            pending.Push(entry);
                        }
                    }
                    else if (TestPairing.TestSubject(name) is { } subject)
                    {
                        subjects.Add(subject);
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return subjects;
    }

    /// <summary>The changed source files with functions that no test covers, by the rules above.</summary>
    public static IReadOnlyList<FileAnalysis> Untested(IReadOnlyList<FileAnalysis> changed, HashSet<string> subjects, IReadOnlyDictionary<string, string> contents)
    {
        var changedTests = changed.Where(IsTest).Select(a => contents.GetValueOrDefault(a.Path) ?? "").ToList();
        return changed
            .Where(a => !IsTest(a) && a.Functions.Count > 0)
            .Where(a =>
            {
                var stem = Stem(a.Path);
                return !subjects.Contains(stem)
                    && !changedTests.Any(t => Regex.IsMatch(t, $@"\b{Regex.Escape(stem)}\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));
            })
            .ToList();
    }

    /// <summary>Whether the analysis is of a test file (by its analyzer or by path).</summary>
    public static bool IsTest(FileAnalysis analysis) => analysis.IsTest || FileRanker.IsTest(analysis.Path);

    /// <summary>The test file names the language's conventions expect for a source file (<c>src/parser.py</c> → <c>test_parser.py or parser_test.py</c>).</summary>
    public static string ExpectedTestNames(string path)
    {
        var stem = Stem(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".py" => $"test_{stem}.py or {stem}_test.py",
            ".go" => $"{stem}_test.go",
            ".java" or ".kt" => $"{stem}Test{extension} or {stem}Tests{extension}",
            ".js" or ".ts" or ".jsx" or ".tsx" or ".mjs" or ".cjs" => $"{stem}.test{extension} or {stem}.spec{extension}",
            _ => $"{stem}Tests{extension} or {stem}Test{extension}",
        };
    }

    /// <summary>The file name without its extension, as test names use it.</summary>
    public static string Stem(string path) => Path.GetFileNameWithoutExtension(path);
}
