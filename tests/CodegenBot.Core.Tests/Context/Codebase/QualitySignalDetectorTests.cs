using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase;

public sealed class QualitySignalDetectorTests
{
    [Fact]
    public void Detect_ConfigFilesAndContents_ListsEverySignalOnce()
    {
        var repository = CodebaseFixtures.Snapshot(
            (".circleci/config.yml", "version: 2.1\n"),
            (".github/dependabot.yml", "version: 2\n"),
            (".github/workflows/build.yml", "on: push\n"),
            (".github/workflows/release.yaml", "on: tag\n"),
            (".prettierrc.json", "{}\n"),
            ("Directory.Build.props", "<Project><PropertyGroup><AnalysisLevel>latest-all</AnalysisLevel><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup></Project>"),
            ("broken/Directory.Build.props", "<Project>"),
            ("api/setup.cfg", "[flake8]\nmax-line-length = 100\n[coverage:run]\nbranch = True\n"),
            ("api/pyproject.toml", "[tool.black]\nline-length = 100\n[tool.mypy]\nstrict = true\n"),
            ("api/requirements-dev.txt", "pytest-cov==5.0.0\n"),
            ("app/build.gradle", "plugins { id 'checkstyle'; id 'jacoco' }\n"),
            ("app/tsconfig.json", "{ \"compilerOptions\": { \"strict\": false } }"),
            ("engine/clippy.toml", "msrv = \"1.75\"\n"),
            ("lcov.info", "TN:\n"));

        var signals = QualitySignalDetector.Detect(repository, ManifestScan.Read(repository).Dependencies);

        Assert.Equal(
        [
            "coverage: lcov.info", ".prettierrc.json", "engine/clippy.toml", "dependency updates: .github/dependabot.yml",
            "ci: .github/workflows (2 workflows)", "ci: .circleci/config.yml", "analyzers: Directory.Build.props sets AnalysisLevel latest-all",
            "coverage: pytest-cov", "black in api/pyproject.toml", "mypy in api/pyproject.toml", "flake8 in api/setup.cfg",
            "coverage: coverage.py in api/setup.cfg", "coverage: jacoco in app/build.gradle", "checkstyle in app/build.gradle",
        ], signals);
    }

    [Fact]
    public void Detect_NoTooling_GivesNothing()
    {
        var repository = CodebaseFixtures.Snapshot(("main.py", "print(1)\n"));

        Assert.Empty(QualitySignalDetector.Detect(repository, []));
    }
}
