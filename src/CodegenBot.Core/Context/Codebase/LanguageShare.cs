namespace CodegenBot.Core.Context.Codebase;

/// <summary>How much of the repository one programming language takes.</summary>
/// <param name="Language">Display name, such as <c>C#</c> or <c>TypeScript</c>.</param>
/// <param name="Files">Files with one of the language's extensions.</param>
/// <param name="Lines">Lines in those files (unreadable files count 0).</param>
public sealed record LanguageShare(string Language, int Files, int Lines);
