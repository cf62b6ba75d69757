namespace CodegenBot.Core.Context.Codebase;

/// <summary>A buildable unit of the repository: a .NET project, a package, a module or a crate.</summary>
/// <param name="Path">Folder of its manifest, relative, <c>.</c> for the repository root.</param>
/// <param name="Kind">
/// What it is: <c>dotnet-web</c>, <c>dotnet-worker</c>, <c>dotnet-exe</c>, <c>dotnet-library</c>, <c>dotnet-test</c>, <c>node-package</c>,
/// <c>python-package</c>, <c>go-module</c>, <c>maven-module</c>, <c>gradle-module</c> or <c>cargo-crate</c>.
/// </param>
/// <param name="Name">Its declared name (assembly, package, module, artifact, crate), when there is one.</param>
/// <param name="IsTest">Whether the project itself holds only tests (a .NET test project).</param>
/// <param name="TestFramework">The framework its tests use (<c>xunit</c>, <c>vitest</c>, <c>pytest</c>, <c>junit5</c>...), or null when none is seen.</param>
/// <param name="EntryPoints">Relative paths (files, or folders for Go main packages) where execution starts.</param>
public sealed record ProjectInfo(string Path, string Kind, string? Name, bool IsTest, string? TestFramework, IReadOnlyList<string> EntryPoints);
