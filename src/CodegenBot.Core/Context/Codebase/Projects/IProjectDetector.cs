namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>Finds the projects of one ecosystem, with their test framework and entry points.</summary>
internal interface IProjectDetector
{
    /// <summary>The projects; a project whose manifest cannot be parsed is left out.</summary>
    IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies);
}
