namespace CodegenBot.Core.Quality.Validation;

/// <summary>What a validation command checks.</summary>
public enum ValidationKind
{
    /// <summary>Compiles or type-checks.</summary>
    Build,

    /// <summary>Runs the tests.</summary>
    Test,

    /// <summary>Runs a linter or vet tool.</summary>
    Lint,
}

/// <summary>The machine-readable results a command leaves behind, if any.</summary>
public enum ResultFormat
{
    /// <summary>Only the exit code and the output (MSBuild diagnostics are read from the output).</summary>
    None,

    /// <summary>Visual Studio TRX files (dotnet test --logger trx).</summary>
    Trx,

    /// <summary>JUnit XML (pytest --junitxml, Maven Surefire, Gradle).</summary>
    JUnit,

    /// <summary><c>go test -json</c> events on standard output.</summary>
    GoJson,
}

/// <summary>
/// One command of the repository's own toolchain, run in the work tree.
/// </summary>
/// <param name="Name">A short name for the report (<c>dotnet test</c>).</param>
/// <param name="Kind">Build, test or lint.</param>
/// <param name="Executable">The program.</param>
/// <param name="Arguments">Its arguments, passed as a list (never through a shell).</param>
/// <param name="Results">Where machine-readable results go.</param>
/// <param name="ResultsPath">A file or folder (relative to the work tree) holding them; empty when <see cref="ResultFormat.None"/> or <see cref="ResultFormat.GoJson"/>.</param>
public sealed record ValidationCommand(string Name, ValidationKind Kind, string Executable, IReadOnlyList<string> Arguments, ResultFormat Results = ResultFormat.None, string ResultsPath = "")
{
    /// <summary>The command line as shown in reports.</summary>
    public string Display => string.Join(' ', Arguments.Prepend(Executable).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
