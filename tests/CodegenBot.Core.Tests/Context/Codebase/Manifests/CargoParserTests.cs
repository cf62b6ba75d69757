using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class CargoParserTests
{
    [Fact]
    public void Parse_EveryDependencyForm_ReadsNamesAndVersions()
    {
        const string Text = """
            [package]
            name = "app"

            [dependencies]
            serde = { version = "1.0", features = ["derive"] }
            regex = "1.10"
            shared.workspace = true
            log.version = "0.4"

            [dependencies.anyhow]
            version = "1.0.80"
            features = ["backtrace"]

            [target.'cfg(windows)'.dependencies]
            winapi = "0.3"

            [build-dependencies]
            cc = "1.0"

            [dev-dependencies]
            criterion = "0.5"
            """;

        var dependencies = new CargoParser().Parse("Cargo.toml", Text, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("cargo", "serde", "1.0", "Cargo.toml", false),
            new Dependency("cargo", "regex", "1.10", "Cargo.toml", false),
            new Dependency("cargo", "shared", null, "Cargo.toml", false),
            new Dependency("cargo", "log", "0.4", "Cargo.toml", false),
            new Dependency("cargo", "anyhow", "1.0.80", "Cargo.toml", false),
            new Dependency("cargo", "winapi", "0.3", "Cargo.toml", false),
            new Dependency("cargo", "cc", "1.0", "Cargo.toml", true),
            new Dependency("cargo", "criterion", "0.5", "Cargo.toml", true),
        ], dependencies);
    }
}
