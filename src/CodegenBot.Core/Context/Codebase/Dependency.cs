namespace CodegenBot.Core.Context.Codebase;

/// <summary>A package the repository declares in one of its manifests.</summary>
/// <param name="Ecosystem">Package registry: <c>nuget</c>, <c>npm</c>, <c>pypi</c>, <c>go</c>, <c>maven</c>, <c>cargo</c> or <c>rubygems</c>.</param>
/// <param name="Name">Package name as the manifest spells it (Maven: <c>groupId:artifactId</c>).</param>
/// <param name="Version">Version or range as written (an exact <c>==</c> pin loses its operator); null when the manifest gives none.</param>
/// <param name="Manifest">Relative path of the manifest that declares it.</param>
/// <param name="Development">Whether it is needed only to build or test (dev dependencies, test scope, test projects and packages, private analyzers).</param>
public sealed record Dependency(string Ecosystem, string Name, string? Version, string Manifest, bool Development);
