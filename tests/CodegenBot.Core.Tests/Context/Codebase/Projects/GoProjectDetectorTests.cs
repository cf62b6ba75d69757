using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

public sealed class GoProjectDetectorTests
{
    [Fact]
    public void Detect_NestedModule_OwnsItsMainPackages()
    {
        var projects = ProjectFixtures.Detect(
            new GoProjectDetector(),
            ("go.mod", "module example.com/root\n"),
            ("main.go", "// Command root.\npackage main\n\nfunc main() {}\n"),
            ("lib/lib.go", "package lib\n"),
            ("tools/go.mod", "module example.com/tools\n"),
            ("tools/gen/main.go", "package main\n\nfunc main() {}\n"),
            ("tools/gen/main_test.go", "package main\n"));

        Assert.Equal([". | go-module | example.com/root | False |  | .", "tools | go-module | example.com/tools | False | go test | tools/gen"], projects);
    }
}
