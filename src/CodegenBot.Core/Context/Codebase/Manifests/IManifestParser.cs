namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>Reads the dependencies one kind of manifest declares.</summary>
internal interface IManifestParser
{
    /// <summary>Whether the file (relative path) is a manifest this parser reads.</summary>
    bool Handles(string path);

    /// <summary>
    /// The manifest's dependencies. A malformed manifest throws <see cref="System.Xml.XmlException"/>,
    /// <see cref="System.Text.Json.JsonException"/> or <see cref="FormatException"/>; the caller skips it.
    /// </summary>
    IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository);
}
