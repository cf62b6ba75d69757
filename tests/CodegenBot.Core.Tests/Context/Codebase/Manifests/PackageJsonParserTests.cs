using System.Text.Json;
using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class PackageJsonParserTests
{
    [Fact]
    public void Parse_DependenciesAndDevDependencies_MarksDevOnes()
    {
        const string Json = """{ "dependencies": { "react": "^18.2.0", "weird": 3 }, "devDependencies": { "jest": "29.7.0" }, "peerDependencies": { "x": "1" } }""";

        var dependencies = new PackageJsonParser().Parse("package.json", Json, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("npm", "react", "^18.2.0", "package.json", false),
            new Dependency("npm", "weird", null, "package.json", false),
            new Dependency("npm", "jest", "29.7.0", "package.json", true),
        ], dependencies);
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => new PackageJsonParser().Parse("package.json", "{ nope", CodebaseFixtures.Snapshot()));
    }
}
