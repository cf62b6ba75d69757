using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class Pep508Tests
{
    [Theory]
    [InlineData("requests", "requests", null)]
    [InlineData("requests==2.31.0", "requests", "2.31.0")]
    [InlineData("requests >= 2.31 , < 3", "requests", ">=2.31,<3")]
    [InlineData("uvicorn[standard] (>=0.29) ; python_version >= '3.10'", "uvicorn", ">=0.29")]
    [InlineData("pkg~=1.4", "pkg", "~=1.4")]
    [InlineData("lib @ git+https://example.com/lib.git", "lib", null)]
    public void Parse_Requirement_GivesNameAndVersion(string requirement, string name, string? version)
    {
        Assert.Equal((name, version), Pep508.Parse(requirement));
    }

    [Theory]
    [InlineData("")]
    [InlineData("==1.0")]
    [InlineData("name with spaces")]
    public void Parse_NotARequirement_GivesNull(string text)
    {
        Assert.Null(Pep508.Parse(text));
    }
}
