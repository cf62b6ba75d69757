using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class NuGetLockParserTests
{
    [Fact]
    public void Parse_TwoFrameworks_ListsDirectPackagesWithResolvedVersions()
    {
        const string Lock = """
            {
              "version": 1,
              "dependencies": {
                "net8.0": {
                  "Polly.Core": { "type": "Direct", "requested": "[8.9.1, )", "resolved": "8.9.1" },
                  "System.Memory": { "type": "Transitive", "resolved": "4.5.5" },
                  "app.core": { "type": "Project" }
                },
                "net10.0": {
                  "Polly.Core": { "type": "Direct", "requested": "[8.9.1, )", "resolved": "8.9.1" }
                }
              }
            }
            """;

        var dependencies = new NuGetLockParser().Parse("src/App/packages.lock.json", Lock, CodebaseFixtures.Snapshot());

        Assert.Equal(new Dependency("nuget", "Polly.Core", "8.9.1", "src/App/packages.lock.json", false), Assert.Single(dependencies.Distinct()));
    }
}
