using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class GoModParserTests
{
    [Fact]
    public void Parse_BlocksAndSingleLines_SkipsIndirectAndReplace()
    {
        const string Text = """
            module example.com/app // the app

            go 1.22

            require (
            	github.com/a/b v1.2.3
            	github.com/c/d v0.1.0 // indirect
            )

            require github.com/e/f v2.0.0+incompatible

            replace (
            	github.com/a/b => ../b
            )
            """;

        var dependencies = new GoModParser().Parse("go.mod", Text, CodebaseFixtures.Snapshot());

        Assert.Equal([new Dependency("go", "github.com/a/b", "v1.2.3", "go.mod", false), new Dependency("go", "github.com/e/f", "v2.0.0+incompatible", "go.mod", false)], dependencies);
        Assert.Equal("example.com/app", GoModParser.ModuleName(Text));
    }

    [Theory]
    [InlineData("require github.com/a/b v1.0.0\n")]
    [InlineData("module x\n\nrequire (\n\tgithub.com/a/b v1.0.0\n")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => new GoModParser().Parse("go.mod", text, CodebaseFixtures.Snapshot()));
    }
}
