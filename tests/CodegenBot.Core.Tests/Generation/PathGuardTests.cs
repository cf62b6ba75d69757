using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Tests.Generation;

public sealed class PathGuardTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-guard-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("codegen-outside-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Theory]
    [InlineData("src/A.cs")]
    [InlineData("./src/A.cs")]
    [InlineData("src\\A.cs")]
    [InlineData("README.md")]
    public void Check_PathInsideRepository_IsAllowed(string path)
    {
        var (full, problem) = Guard().Check(path);

        Assert.Null(problem);
        Assert.StartsWith(_root, full, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.cs", "contains '..'")]
    [InlineData("src/../../escape.cs", "contains '..'")]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("C:/Windows/win.ini", "is an absolute path")]
    [InlineData(".git/config", "is inside .git")]
    [InlineData("sub/.GIT/hooks/pre-commit", "is inside .git")]
    [InlineData(".github/workflows/ci.yml", "is a protected path (security.protected_paths: '.github/workflows/**')")]
    [InlineData("deploy/server.pem", "is a protected path (security.protected_paths: '**/*.pem')")]
    [InlineData("", "empty file path")]
    public void Check_UnsafePath_IsRefusedWithTheReason(string path, string reason)
    {
        var (full, problem) = Guard().Check(path);

        Assert.Null(full);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PathThroughSymlinkToOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), _outside);

        var (full, problem) = Guard().Check("linked/file.cs");

        Assert.Null(full);
        Assert.Equal("'linked/file.cs' goes through a symbolic link; edit the file the link points to instead.", problem);
    }

    [Fact]
    public void Check_SymlinkedFile_IsRefused()
    {
        File.WriteAllText(Path.Combine(_outside, "target.txt"), "x");
        File.CreateSymbolicLink(Path.Combine(_root, "file.txt"), Path.Combine(_outside, "target.txt"));

        Assert.NotNull(Guard().Check("file.txt").Problem);
    }

    private PathGuard Guard() => new(_root, [".github/workflows/**", "**/*.pem"]);
}
