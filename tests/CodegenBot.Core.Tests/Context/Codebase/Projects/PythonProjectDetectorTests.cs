using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

public sealed class PythonProjectDetectorTests
{
    [Fact]
    public void Detect_RequirementsOnlyDjangoApp_FindsManagePyAndUnittest()
    {
        var projects = ProjectFixtures.Detect(
            new PythonProjectDetector(),
            ("requirements/base.txt", "Django==5.0\n"),
            ("manage.py", "import sys\n"),
            ("shop/tests/test_views.py", "import unittest\n\nclass ViewTests(unittest.TestCase):\n    pass\n"));

        Assert.Equal([". | python-package |  | False | unittest | manage.py"], projects);
    }

    [Fact]
    public void Detect_SetupPyAndNestedPyproject_SplitsFilesBetweenProjects()
    {
        var projects = ProjectFixtures.Detect(
            new PythonProjectDetector(),
            ("setup.py", "from setuptools import setup\nsetup(name='legacy', version='1.0')\n"),
            ("legacy/__main__.py", "print('legacy')\n"),
            ("plugins/extra/pyproject.toml", "[project]\nname = \"extra\"\n\n[project.optional-dependencies]\ntest = [\"pytest\"]\n"),
            ("plugins/extra/extra/__main__.py", "print('extra')\n"),
            ("plugins/extra/tests/test_extra.py", "def test_it():\n    pass\n"),
            ("broken/pyproject.toml", "[project\n"));

        Assert.Equal(["plugins/extra | python-package | extra | False | pytest | plugins/extra/extra/__main__.py", ". | python-package | legacy | False |  | legacy/__main__.py"], projects);
    }
}
