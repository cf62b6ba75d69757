using CodegenBot.Core.Quality.Validation;

namespace CodegenBot.Core.Tests.Quality.Validation;

public sealed class CommandDetectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-detect-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Detect_DotnetSolution_BuildsThenTestsWithTrx()
    {
        Write("App.sln", "");
        Write("src/App/App.csproj", "<Project />");

        var commands = CommandDetector.Detect(_root);

        Assert.Equal(["dotnet build App.sln --nologo -clp:NoSummary", "dotnet test App.sln --no-build --nologo --logger trx --results-directory .codegen/validation/trx"], commands.Select(c => c.Display));
        Assert.Equal(ResultFormat.Trx, commands[1].Results);
    }

    [Theory]
    [InlineData("pnpm-lock.yaml", "pnpm")]
    [InlineData("yarn.lock", "yarn")]
    [InlineData("package-lock.json", "npm")]
    public void Detect_NodeTestScript_UsesThePackageManagerOfTheLockFile(string lockFile, string manager)
    {
        Write("package.json", """{"scripts":{"test":"vitest run"}}""");
        Write(lockFile, "");
        Write("tsconfig.json", "{}");

        var commands = CommandDetector.Detect(_root);

        Assert.Equal([$"{manager} test", "tsc --noEmit"], commands.Select(c => c.Name));
    }

    [Fact]
    public void Detect_NpmPlaceholderTestScript_IsNotATest()
    {
        Write("package.json", """{"scripts":{"test":"echo \"Error: no test specified\" && exit 1"}}""");

        Assert.Empty(CommandDetector.Detect(_root));
    }

    [Fact]
    public void Detect_PythonGoAndJava()
    {
        Write("pyproject.toml", "[project]\nname='x'\n");
        Write("tests/test_x.py", "def test_x(): pass\n");
        Write("go.mod", "module example.com/x\n");
        Write("pom.xml", "<project/>");

        var names = CommandDetector.Detect(_root).Select(c => c.Name).ToList();

        Assert.Equal(["python -m compileall", "pytest", "go build", "go vet", "go test", "mvn test"], names);
    }

    [Fact]
    public void Detect_NothingKnown_IsEmpty() => Assert.Empty(CommandDetector.Detect(_root));

    private void Write(string path, string content)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
