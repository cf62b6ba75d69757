using System.Text.Json;

namespace CodegenBot.Core.Quality.Validation;

/// <summary>
/// Finds the repository's own build, test and lint commands from the files at its root: a .NET solution or
/// project, package.json (npm, yarn or pnpm by lock file) and tsconfig.json, Python project files, go.mod, Maven
/// and Gradle builds. Results are written under <see cref="ResultsFolder"/> in the work tree, which is ignored
/// when the change is staged (<c>.codegen/</c> is never committed).
/// </summary>
internal static class CommandDetector
{
    /// <summary>Where commands write their machine-readable results, relative to the work tree.</summary>
    public const string ResultsFolder = ".codegen/validation";

    /// <summary>npm's placeholder test script, which only fails.</summary>
    private const string NoTestScript = "echo \"Error: no test specified\" && exit 1";

    public static IReadOnlyList<ValidationCommand> Detect(string root)
    {
        var commands = new List<ValidationCommand>();
        bool Has(string name) => File.Exists(Path.Combine(root, name));

        var solution = Directory.EnumerateFiles(root, "*.sln*").Where(f => f.EndsWith(".sln", StringComparison.Ordinal) || f.EndsWith(".slnx", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? Directory.EnumerateFiles(root, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault();
        if (solution is not null)
        {
            var target = Path.GetFileName(solution);
            commands.Add(new("dotnet build", ValidationKind.Build, "dotnet", ["build", target, "--nologo", "-clp:NoSummary"]));
            commands.Add(new("dotnet test", ValidationKind.Test, "dotnet", ["test", target, "--no-build", "--nologo", "--logger", "trx", "--results-directory", $"{ResultsFolder}/trx"], ResultFormat.Trx, $"{ResultsFolder}/trx"));
        }

        if (Has("package.json") && TestScript(Path.Combine(root, "package.json")) is { } script && script != NoTestScript)
        {
            var manager = Has("pnpm-lock.yaml") ? "pnpm" : Has("yarn.lock") ? "yarn" : "npm";
            commands.Add(new($"{manager} test", ValidationKind.Test, manager, ["test"]));
        }

        if (Has("tsconfig.json"))
        {
            commands.Add(new("tsc --noEmit", ValidationKind.Build, "npx", ["--no-install", "tsc", "--noEmit"]));
        }

        if (Has("pyproject.toml") || Has("setup.py") || Has("setup.cfg") || Has("requirements.txt"))
        {
            commands.Add(new("python -m compileall", ValidationKind.Build, "python3", ["-m", "compileall", "-q", "-x", "(^|/)(\\.|node_modules|venv)", "."]));
            if (Has("pytest.ini") || Has("tox.ini") || Has("conftest.py") || Directory.Exists(Path.Combine(root, "tests")) || Directory.Exists(Path.Combine(root, "test")))
            {
                commands.Add(new("pytest", ValidationKind.Test, "python3", ["-m", "pytest", "-q", $"--junitxml={ResultsFolder}/pytest.xml"], ResultFormat.JUnit, $"{ResultsFolder}/pytest.xml"));
            }
        }

        if (Has("go.mod"))
        {
            commands.Add(new("go build", ValidationKind.Build, "go", ["build", "./..."]));
            commands.Add(new("go vet", ValidationKind.Lint, "go", ["vet", "./..."]));
            commands.Add(new("go test", ValidationKind.Test, "go", ["test", "-json", "./..."], ResultFormat.GoJson));
        }

        if (Has("pom.xml"))
        {
            commands.Add(new("mvn test", ValidationKind.Test, Has("mvnw") ? "./mvnw" : "mvn", ["-q", "-B", "test"], ResultFormat.JUnit, "target/surefire-reports"));
        }
        else if (Has("build.gradle") || Has("build.gradle.kts"))
        {
            commands.Add(new("gradle test", ValidationKind.Test, Has("gradlew") ? "./gradlew" : "gradle", ["test", "--console=plain"], ResultFormat.JUnit, "build/test-results/test"));
        }

        return commands;
    }

    private static string? TestScript(string packageJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object
                && scripts.TryGetProperty("test", out var test) && test.ValueKind == JsonValueKind.String ? test.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
