using System.Text.Json;
using System.Xml;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>Dependencies of every manifest, and the manifests skipped because they could not be parsed.</summary>
internal sealed record ManifestScan(IReadOnlyList<Dependency> Dependencies, IReadOnlyList<string> Skipped)
{
    /// <summary>Every parser, one per manifest kind.</summary>
    private static readonly IManifestParser[] Parsers =
    [
        new MsBuildProjectParser(), new NuGetLockParser(), new PackageJsonParser(), new RequirementsTxtParser(),
        new PyprojectParser(), new GoModParser(), new PomParser(), new GradleParser(), new CargoParser(), new GemfileParser(),
    ];

    /// <summary>Reads every manifest; a malformed one is skipped, never fatal.</summary>
    public static ManifestScan Read(RepositorySnapshot repository)
    {
        var dependencies = new List<Dependency>();
        var skipped = new List<string>();
        foreach (var path in repository.Files)
        {
            foreach (var parser in Parsers.Where(p => p.Handles(path)))
            {
                if (repository.Read(path) is not { } text)
                {
                    continue;
                }

                if (TryParse(parser, path, text, repository) is { } parsed)
                {
                    dependencies.AddRange(parsed);
                }
                else
                {
                    skipped.Add(path);
                }
            }
        }

        var distinct = dependencies.DistinctBy(d => (d.Ecosystem, d.Name, d.Manifest))
            .OrderBy(d => d.Ecosystem, StringComparer.Ordinal).ThenBy(d => d.Manifest, StringComparer.Ordinal)
            .ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        return new ManifestScan(distinct, skipped);
    }

    private static IReadOnlyList<Dependency>? TryParse(IManifestParser parser, string path, string text, RepositorySnapshot repository)
    {
        // Why: a broken manifest in one folder must not hide the rest of the profile.
        try
        {
            return parser.Parse(path, text, repository);
        }
        catch (XmlException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
