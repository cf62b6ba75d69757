using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class PyprojectParserTests
{
    [Fact]
    public void Parse_Poetry_ReadsMainDevAndGroupDependencies()
    {
        const string Text = """
            [tool.poetry]
            name = "poetry-app"

            [tool.poetry.dependencies]
            python = "^3.11"
            django = "^5.0"
            celery = { version = "5.3.6", extras = ["redis"] }
            internal = { git = "https://example.com/internal.git" }
            anything = "*"

            [tool.poetry.dev-dependencies]
            black = "^24.2"

            [tool.poetry.group.test.dependencies]
            pytest = "^8.0"
            """;

        var dependencies = new PyprojectParser().Parse("pyproject.toml", Text, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("pypi", "django", "^5.0", "pyproject.toml", false),
            new Dependency("pypi", "celery", "5.3.6", "pyproject.toml", false),
            new Dependency("pypi", "internal", null, "pyproject.toml", false),
            new Dependency("pypi", "anything", null, "pyproject.toml", false),
            new Dependency("pypi", "black", "^24.2", "pyproject.toml", true),
            new Dependency("pypi", "pytest", "^8.0", "pyproject.toml", true),
        ], dependencies);
        Assert.Equal("poetry-app", PyprojectParser.ProjectName(TomlLite.Parse(Text)));
    }

    [Fact]
    public void Parse_DependencyGroups_AreDevelopment()
    {
        const string Text = "[project]\nname = \"x\"\ndependencies = []\n\n[dependency-groups]\nlint = [\"ruff==0.3.0\", {include-group = \"test\"}]\n";

        var dependencies = new PyprojectParser().Parse("pyproject.toml", Text, CodebaseFixtures.Snapshot());

        Assert.Equal([new Dependency("pypi", "ruff", "0.3.0", "pyproject.toml", true)], dependencies);
    }
}
