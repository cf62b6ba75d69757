using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

public sealed class CargoProjectDetectorTests
{
    [Fact]
    public void Detect_WorkspaceAndMember_ListsOnlyTheCrateWithItsBinaries()
    {
        var projects = ProjectFixtures.Detect(
            new CargoProjectDetector(),
            ("Cargo.toml", "[workspace]\nmembers = [\"crates/cli\"]\n"),
            ("crates/cli/Cargo.toml", "[package]\nname = \"cli\"\n"),
            ("crates/cli/src/lib.rs", "pub fn run() {}\n"),
            ("crates/cli/src/bin/fmt.rs", "fn main() {}\n"),
            ("crates/cli/src/bin/serve/main.rs", "fn main() {}\n"),
            ("crates/cli/src/bin/serve/routes.rs", "pub fn routes() {}\n"),
            ("crates/cli/tests/cli.rs", "#[test]\nfn works() {}\n"));

        Assert.Equal(["crates/cli | cargo-crate | cli | False | cargo test | crates/cli/src/bin/fmt.rs,crates/cli/src/bin/serve/main.rs"], projects);
    }
}
