using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class ManifestScanTests
{
    [Fact]
    public void Read_MalformedManifests_ListsThemAsSkipped()
    {
        var repository = CodebaseFixtures.Snapshot(
            ("bad/Bad.csproj", "<Project><ItemGroup>"),
            ("bad/package.json", "{ \"name\": "),
            ("bad/packages.lock.json", "[]"),
            ("bad/pom.xml", "<notaproject/>"),
            ("bad/pyproject.toml", "[project]\ndependencies = [\"requests\"\n"),
            ("bad/go.mod", "require github.com/x/y v1.0.0\n"),
            ("bad/Cargo.toml", "[package\n"),
            ("good/requirements.txt", "requests==2.31.0\n"));

        var scan = ManifestScan.Read(repository);

        Assert.Equal(["bad/Bad.csproj", "bad/Cargo.toml", "bad/go.mod", "bad/package.json", "bad/packages.lock.json", "bad/pom.xml", "bad/pyproject.toml"], scan.Skipped);
        Assert.Equal([new("pypi", "requests", "2.31.0", "good/requirements.txt", false)], scan.Dependencies);
    }

    [Fact]
    public void Read_SamePackageTwiceInOneManifest_IsListedOnce()
    {
        var repository = CodebaseFixtures.Snapshot(("requirements.txt", "requests==2.31.0\nrequests>=2\n"));

        var scan = ManifestScan.Read(repository);

        Assert.Equal("2.31.0", Assert.Single(scan.Dependencies).Version);
    }
}
