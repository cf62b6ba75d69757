namespace CodegenBot.Core.Context.Ranking;

/// <summary>A file's relevance to the task, and the reasons for it, most important first.</summary>
/// <param name="Path">Relative path with forward slashes.</param>
/// <param name="Score">The combined score; only its order matters.</param>
/// <param name="Reasons">Why the file ranks where it does, for the report and the prompt.</param>
public sealed record RankedFile(string Path, double Score, IReadOnlyList<string> Reasons);
