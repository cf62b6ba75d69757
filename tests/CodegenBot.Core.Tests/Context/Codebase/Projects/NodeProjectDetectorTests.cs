using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

public sealed class NodeProjectDetectorTests
{
    [Fact]
    public void Detect_BinStringAndNodeTestScript_GivesEntryAndRunner()
    {
        var projects = ProjectFixtures.Detect(
            new NodeProjectDetector(),
            ("package.json", """{ "name": "tool", "bin": "./cli.mjs", "scripts": { "test": "node --test" } }"""),
            ("packages/lib/package.json", """{ "name": "lib", "main": "../../outside/index.js", "devDependencies": { "jest": "29.7.0", "mocha": "10.0.0" } }"""),
            ("packages/bad/package.json", "[1, 2]"));

        Assert.Equal([". | node-package | tool | False | node:test | cli.mjs", "packages/lib | node-package | lib | False | jest | outside/index.js"], projects);
    }
}
