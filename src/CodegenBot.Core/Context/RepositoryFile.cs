namespace CodegenBot.Core.Context;

/// <summary>Why a file is listed but never read.</summary>
public enum SkipReason
{
    /// <summary>The file is read.</summary>
    None,

    /// <summary>It holds a NUL byte in its first 8000 bytes (git's test for binary).</summary>
    Binary,

    /// <summary>It is larger than <c>context.max_file_bytes</c>.</summary>
    TooLarge,

    /// <summary>It is a symbolic link (never followed).</summary>
    SymbolicLink,

    /// <summary>Generated code: an auto-generated header or <c>linguist-generated</c> in .gitattributes.</summary>
    Generated,

    /// <summary>Vendored code: <c>linguist-vendored</c> in .gitattributes.</summary>
    Vendored,
}

/// <summary>A file the context engine may use.</summary>
/// <param name="Path">Relative path with forward slashes.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Skip">Why it is not read, or <see cref="SkipReason.None"/>.</param>
/// <param name="Language">Language id from extension, name or shebang; null when unknown.</param>
/// <param name="Lines">Line count (0 when not read).</param>
/// <param name="Tracked">Whether git tracks it (untracked files that are not ignored count too).</param>
public sealed record RepositoryFile(string Path, long Length, SkipReason Skip = SkipReason.None, string? Language = null, int Lines = 0, bool Tracked = true)
{
    /// <summary>Whether its text may be read.</summary>
    public bool Readable => Skip == SkipReason.None;
}
