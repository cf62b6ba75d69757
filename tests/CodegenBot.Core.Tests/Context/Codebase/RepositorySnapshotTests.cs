using CodegenBot.Core.Context.Codebase;

namespace CodegenBot.Core.Tests.Context.Codebase;

public sealed class RepositorySnapshotTests
{
    [Fact]
    public void Constructor_MixedSeparatorsAndDuplicates_NormalisesAndOrders()
    {
        var repository = new RepositorySnapshot(["src\\b.cs", "./src/a.cs", "src/a.cs", "", "/README.md"], _ => "");

        Assert.Equal(["README.md", "src/a.cs", "src/b.cs"], repository.Files);
        Assert.Equal(["src"], repository.Folders);
    }

    [Fact]
    public void Read_SameFileTwice_ReadsItOnceAndReadOnceDoesNotCache()
    {
        var reads = 0;
        var repository = new RepositorySnapshot(["a.txt", "b.txt"], _ => { reads++; return "x"; });

        repository.Read("a.txt");
        repository.Read("a.txt");
        repository.ReadOnce("a.txt");
        repository.ReadOnce("b.txt");
        repository.ReadOnce("b.txt");

        Assert.Equal(3, reads);
        Assert.Null(repository.Read("missing.txt"));
    }

    [Fact]
    public void NearestAncestorFile_NestedFolders_FindsTheClosest()
    {
        var repository = new RepositorySnapshot(["Directory.Packages.props", "src/Directory.Packages.props", "src/a/b/X.csproj"], _ => "");

        Assert.Equal("src/Directory.Packages.props", repository.NearestAncestorFile("src/a/b", "Directory.Packages.props"));
        Assert.Equal("Directory.Packages.props", repository.NearestAncestorFile("tests", "Directory.Packages.props"));
        Assert.Null(repository.NearestAncestorFile("src", "global.json"));
    }

    [Theory]
    [InlineData("web", "./dist/index.js", "web/dist/index.js")]
    [InlineData("a/b", "../c.js", "a/c.js")]
    [InlineData("", "bin\\cli.js", "bin/cli.js")]
    [InlineData("a", "../../x.js", null)]
    public void Resolve_RelativePath_StaysInsideTheRepository(string folder, string relative, string? expected)
    {
        Assert.Equal(expected, RepositorySnapshot.Resolve(folder, relative));
    }
}
