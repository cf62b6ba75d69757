namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Recognises test files by folder (<c>tests/</c>, <c>__tests__/</c>, <c>src/test/</c>) or name (<c>FooTests.cs</c>, <c>test_foo.py</c>, <c>foo_test.go</c>, <c>foo.spec.ts</c>).</summary>
internal static class TestFiles
{
    /// <summary>Folder names that hold tests.</summary>
    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase) { "test", "tests", "__tests__", "spec", "specs" };

    /// <summary>File name endings (before the extension) that mark a test file.</summary>
    private static readonly string[] Suffixes = ["Tests", "Test", "_test", ".test", ".spec", "Spec"];

    public static bool IsTest(string path)
    {
        var segments = path.Split('/');
        if (segments[..^1].Any(s => TestFolders.Contains(s) || s.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var name = segments[^1];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return stem.StartsWith("test_", StringComparison.Ordinal) || Suffixes.Any(s => stem.EndsWith(s, StringComparison.Ordinal));
    }
}
