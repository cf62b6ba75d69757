using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class RequirementsTxtParserTests
{
    [Theory]
    [InlineData("requirements.txt", true)]
    [InlineData("svc/requirements-dev.txt", true)]
    [InlineData("requirements/test.txt", true)]
    [InlineData("docs/notes.txt", false)]
    [InlineData("requirements.in", false)]
    public void Handles_FileName_MatchesRequirementFiles(string path, bool expected)
    {
        Assert.Equal(expected, new RequirementsTxtParser().Handles(path));
    }

    [Fact]
    public void Parse_MixedLines_KeepsRequirementsAndIgnoresOptionsAndComments()
    {
        const string Text = """
            # pinned
            -r base.txt
            -e git+https://github.com/x/y.git#egg=y
            --index-url https://pypi.org/simple
            Django==5.0.2  # web
            requests[socks]>=2.31,<3
            numpy ; python_version >= "3.10"
            private-lib @ https://example.com/private-lib-1.0.tar.gz
            https://example.com/direct.whl
            gunicorn \
                ==21.2.0
            """;

        var dependencies = new RequirementsTxtParser().Parse("requirements.txt", Text, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("pypi", "Django", "5.0.2", "requirements.txt", false),
            new Dependency("pypi", "requests", ">=2.31,<3", "requirements.txt", false),
            new Dependency("pypi", "numpy", null, "requirements.txt", false),
            new Dependency("pypi", "private-lib", null, "requirements.txt", false),
            new Dependency("pypi", "gunicorn", "21.2.0", "requirements.txt", false),
        ], dependencies);
    }

    [Fact]
    public void Parse_TestRequirementsFile_MarksDevelopment()
    {
        var dependencies = new RequirementsTxtParser().Parse("requirements/test.txt", "pytest==8.0.0\n", CodebaseFixtures.Snapshot());

        Assert.True(Assert.Single(dependencies).Development);
    }
}
