namespace CodegenBot.Core.Quality;

/// <summary>
/// Analyses the changed files of one language. Implementations are registered in DI under their language id and
/// picked by file extension; a new language plugs in by implementing this and registering it.
/// </summary>
public interface ILanguageAnalyzer
{
    /// <summary>The language id, as in <c>config/language_configs/&lt;id&gt;.yaml</c>.</summary>
    string Language { get; }

    /// <summary>Whether this analyzer handles the file.</summary>
    bool CanAnalyze(string path);

    /// <summary>The findings in one file.</summary>
    Task<IReadOnlyList<Finding>> AnalyzeAsync(string path, string content, CancellationToken cancellationToken);
}
