using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Tests.Generation;

public sealed class EditApplierTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-apply-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Apply_UniqueSearch_ReplacesItAndRecordsTheEdit()
    {
        Write("a.cs", "class A\n{\n    int X => 1;\n}\n");

        var result = Applier().Apply([new EditBlock("a.cs", "    int X => 1;\n", "    int X => 2;\n    int Y => 3;\n", 1)]);

        Assert.Empty(result.Problems);
        Assert.Equal("class A\n{\n    int X => 2;\n    int Y => 3;\n}\n", Read("a.cs"));
        Assert.Equal(new AppliedEdit("a.cs", EditKind.Modified, 1, 2, MatchKind.Exact, 3), Assert.Single(result.Applied));
    }

    [Fact]
    public void Apply_CrLfFile_KeepsItsLineEndings()
    {
        Write("a.txt", "one\r\ntwo\r\n");

        Applier().Apply([new EditBlock("a.txt", "two\n", "three\n", 1)]);

        Assert.Equal("one\r\nthree\r\n", Read("a.txt"));
    }

    [Fact]
    public void Apply_EmptySearch_CreatesTheFileAndFolders()
    {
        var result = Applier().Apply([new EditBlock("src/deep/New.cs", "", "class New { }\n", 1)]);

        Assert.Empty(result.Problems);
        Assert.Equal("class New { }\n", Read("src/deep/New.cs"));
        Assert.Equal(EditKind.Created, Assert.Single(result.Applied).Kind);
    }

    [Fact]
    public void Apply_EmptySearchOnExistingFile_IsRefused()
    {
        Write("a.cs", "keep me\n");

        var result = Applier().Apply([new EditBlock("a.cs", "", "overwrite\n", 1)]);

        Assert.Equal("keep me\n", Read("a.cs"));
        Assert.Contains("already exists", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SearchMatchingSeveralPlaces_IsRefusedWithTheCount()
    {
        Write("a.cs", "x = 1;\ny = 2;\nx = 1;\nx = 1;\n");

        var result = Applier().Apply([new EditBlock("a.cs", "x = 1;\n", "x = 3;\n", 1)]);

        Assert.StartsWith("Block 1: The SEARCH block matched 3 places in a.cs (lines ", Assert.Single(result.Problems));
        Assert.EndsWith("include more surrounding lines so it matches once.", result.Problems[0]);
        Assert.Equal("x = 1;\ny = 2;\nx = 1;\nx = 1;\n", Read("a.cs"));
    }

    [Fact]
    public void Apply_SearchNotFound_SaysToCopyTheLinesExactly()
    {
        Write("a.cs", "x = 1;\n");

        var result = Applier().Apply([new EditBlock("a.cs", "x = 2;\n", "x = 3;\n", 1)]);

        Assert.Contains("was not found in a.cs", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MissingFile_SaysHowToCreateIt()
    {
        var result = Applier().Apply([new EditBlock("nope.cs", "x\n", "y\n", 1)]);

        Assert.Equal("Block 1 edits nope.cs, which does not exist; use an empty SEARCH to create it, or fix the path.", Assert.Single(result.Problems));
    }

    [Fact]
    public void Apply_EscapingPathAmongGoodOnes_RefusesOnlyThatOneAndWritesNothingOutside()
    {
        Write("a.cs", "x = 1;\n");
        var outside = Path.GetFullPath(Path.Combine(_root, "..", "escaped.cs"));

        var result = Applier().Apply(
        [
            new EditBlock("../escaped.cs", "", "evil\n", 1),
            new EditBlock("a.cs", "x = 1;\n", "x = 2;\n", 9),
        ]);

        Assert.False(File.Exists(outside));
        Assert.Equal("x = 2;\n", Read("a.cs"));
        Assert.Single(result.Problems);
        Assert.Single(result.Applied);
    }

    [Fact]
    public void Apply_SequentialBlocksOnOneFile_SeeEachOthersChanges()
    {
        Write("a.cs", "a\nb\n");

        var result = Applier().Apply([new EditBlock("a.cs", "a\n", "c\n", 1), new EditBlock("a.cs", "c\nb\n", "d\n", 5)]);

        Assert.Empty(result.Problems);
        Assert.Equal("d\n", Read("a.cs"));
    }

    private EditApplier Applier() => new(new PathGuard(_root, [".github/workflows/**"]));

    private void Write(string path, string content)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private string Read(string path) => File.ReadAllText(Path.Combine(_root, path));
}
