namespace CodegenBot.Core.Context;

/// <summary>A file the context engine may use: its path (forward slashes, relative to the root) and size.</summary>
/// <param name="Path">Relative path with forward slashes.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Readable">False for binaries, symlinks and files over <c>context.max_file_bytes</c>: listed, never read.</param>
public sealed record RepositoryFile(string Path, long Length, bool Readable);
