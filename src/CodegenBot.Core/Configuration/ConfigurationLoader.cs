namespace CodegenBot.Core.Configuration;

/// <summary>A value given on the command line for a configuration key.</summary>
/// <param name="Path">The dotted key, such as <c>model.name</c>.</param>
/// <param name="Value">The value as typed.</param>
/// <param name="Option">The option that carried it, such as <c>--model</c>.</param>
public sealed record ConfigOverride(string Path, string Value, string Option);

/// <summary>What the configuration of one run is made from.</summary>
public sealed record ConfigurationInputs
{
    /// <summary>The repository whose <c>.github/codegen.yml</c> overrides the defaults; null for none.</summary>
    public string? RepositoryPath { get; init; }

    /// <summary>A file to use instead of the repository's, such as for <c>config validate FILE</c>.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Environment variables; those named <c>CODEGEN_SECTION__KEY</c> override configuration keys.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Command-line values, applied last.</summary>
    public IReadOnlyList<ConfigOverride> CommandLine { get; init; } = [];
}

/// <summary>The configuration in force and the tree it was bound from, which knows where each value came from.</summary>
public sealed record EffectiveConfiguration(CodegenOptions Options, ConfigMap Tree);

/// <summary>
/// Loads the layers in order (shipped defaults &lt; repository file &lt; environment &lt; command line),
/// merges them and binds the result into validated <see cref="CodegenOptions"/>.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The repository's override file, relative to its root.</summary>
    public const string RepositoryFile = ".github/codegen.yml";

    /// <summary>The prefix of environment variables that set configuration keys.</summary>
    public const string EnvironmentPrefix = "CODEGEN_";

    private const string LanguagesFolder = "config/language_configs/";

    /// <summary>Loads, merges and validates; throws <see cref="ConfigurationException"/> naming each problem.</summary>
    public static EffectiveConfiguration Load(ConfigurationInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var tree = Defaults();

        var file = inputs.ConfigFile ?? FindRepositoryFile(inputs.RepositoryPath);
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new ConfigurationException($"{file}: the configuration file does not exist; check the path.");
            }

            tree = ConfigTree.Merge(tree, YamlConfigReader.Read(File.ReadAllText(file), DisplayPath(file, inputs.RepositoryPath)));
        }

        foreach (var (name, value) in inputs.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (value is not null && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && name.Contains("__", StringComparison.Ordinal))
            {
                var path = name[EnvironmentPrefix.Length..].ToLowerInvariant().Split("__");
                tree = ConfigTree.Set(tree, path, new ConfigScalar(new ConfigSource($"environment variable {name}"), value));
            }
        }

        foreach (var item in inputs.CommandLine)
        {
            tree = ConfigTree.Set(tree, item.Path.Split('.'), new ConfigScalar(new ConfigSource($"command-line option {item.Option}"), item.Value));
        }

        return new EffectiveConfiguration(OptionsBinder.Bind<CodegenOptions>(tree), tree);
    }

    /// <summary>The shipped defaults: <c>config/agent_config.yaml</c> plus every language file under <c>languages</c>.</summary>
    internal static ConfigMap Defaults()
    {
        var tree = YamlConfigReader.Read(ShippedResources.Read("config/agent_config.yaml"), "config/agent_config.yaml (shipped default)");
        foreach (var resource in ShippedResources.List(LanguagesFolder))
        {
            var language = Path.GetFileNameWithoutExtension(resource);
            var languageTree = YamlConfigReader.Read(ShippedResources.Read(resource), $"{resource} (shipped default)");
            tree = ConfigTree.Merge(tree, new ConfigMap(languageTree.Source, [new("languages", new ConfigMap(languageTree.Source, [new(language, languageTree)]))]));
        }

        return tree;
    }

    private static string? FindRepositoryFile(string? repositoryPath)
    {
        if (repositoryPath is null)
        {
            return null;
        }

        var yml = Path.Combine(repositoryPath, RepositoryFile);
        var yaml = Path.ChangeExtension(yml, ".yaml");
        return File.Exists(yml) ? yml : File.Exists(yaml) ? yaml : null;
    }

    private static string DisplayPath(string file, string? repositoryPath) =>
        repositoryPath is not null && Path.GetFullPath(file).StartsWith(Path.GetFullPath(repositoryPath), StringComparison.Ordinal)
            ? Path.GetRelativePath(repositoryPath, file).Replace('\\', '/')
            : file;
}
