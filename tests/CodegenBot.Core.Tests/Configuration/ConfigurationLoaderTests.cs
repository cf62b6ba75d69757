using CodegenBot.Core;
using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Tests.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_ShippedDefaults_EqualTheOptionRecordDefaults()
    {
        // The YAML file and the records' initialisers must say the same thing: compare both printed as YAML.
        var shipped = ConfigurationLoader.Load(new ConfigurationInputs()).Options;
        var fromRecords = new CodegenOptions() with { Languages = shipped.Languages };

        Assert.Equal(Dump(fromRecords), Dump(shipped));
    }

    [Fact]
    public void Load_ShippedDefaults_HaveTheSixRequiredLanguages()
    {
        var options = ConfigurationLoader.Load(new ConfigurationInputs()).Options;

        Assert.Superset(new HashSet<string> { "csharp", "python", "typescript", "javascript", "go", "java" }, options.Languages.Keys.ToHashSet());
        Assert.Contains(".cs", options.Languages["csharp"].Extensions);
        Assert.Equal("docstring", options.Languages["python"].Documentation.Style);
    }

    [Fact]
    public void Load_RepositoryFile_OverridesOnlyTheKeysItNames()
    {
        WriteRepoFile("""
            model:
              temperature: 0.7
            quality:
              thresholds:
                security: 95
            languages:
              csharp:
                thresholds:
                  max_parameters: 4
            """);

        var options = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }).Options;

        Assert.Equal(0.7, options.Model.Temperature);
        Assert.Equal(95, options.Quality.Thresholds.Security);
        Assert.Equal(60, options.Quality.Thresholds.Readability);
        Assert.Equal(4, options.Languages["csharp"].Thresholds.MaxParameters);
        Assert.Equal(10, options.Languages["csharp"].Thresholds.MaxCyclomaticComplexity);
    }

    [Fact]
    public void Load_EnvironmentAndCommandLine_OverrideTheFileInThatOrder()
    {
        WriteRepoFile("model:\n  name: from-file\n  endpoint: http://file\n");
        var inputs = new ConfigurationInputs
        {
            RepositoryPath = _root,
            Environment = new Dictionary<string, string?> { ["CODEGEN_MODEL__NAME"] = "from-env", ["CODEGEN_MODEL__ENDPOINT"] = "http://env" },
            CommandLine = [new ConfigOverride("model.name", "from-cli", "--model")],
        };

        var loaded = ConfigurationLoader.Load(inputs);

        Assert.Equal("from-cli", loaded.Options.Model.Name);
        Assert.Equal("http://env", loaded.Options.Model.Endpoint);
        var printed = ConfigurationPrinter.Print(loaded.Tree);
        Assert.Contains("name: from-cli  # command-line option --model", printed, StringComparison.Ordinal);
        Assert.Contains("endpoint: \"http://env\"  # environment variable CODEGEN_MODEL__ENDPOINT", printed, StringComparison.Ordinal);
        Assert.Contains("temperature: 0.2  # config/agent_config.yaml (shipped default):", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentListValue_IsSplitOnCommas()
    {
        var inputs = new ConfigurationInputs
        {
            Environment = new Dictionary<string, string?> { ["CODEGEN_CONTEXT__EXCLUDE"] = "docs/**, samples/**" },
        };

        var options = ConfigurationLoader.Load(inputs).Options;

        Assert.Equal(["docs/**", "samples/**"], options.Context.Exclude);
    }

    [Fact]
    public void Load_UnknownKey_NamesFileLineKeyAndAllowedKeys()
    {
        WriteRepoFile("model:\n  temprature: 0.5\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.Equal(
            ".github/codegen.yml:2:15: unknown key 'model.temprature' (did you mean 'temperature'?); the keys allowed in 'model' are: api_key_env, edit_protocol, endpoint, max_input_tokens, max_output_tokens, max_tool_calls, max_tool_read_chars, max_tool_turns, name, prices, provider, request_timeout, temperature.",
            error.Message);
    }

    [Fact]
    public void Load_UnknownTopLevelSection_IsAnError()
    {
        WriteRepoFile("modle:\n  name: x\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.StartsWith(".github/codegen.yml:2:3: unknown key 'modle' (did you mean 'model'?); the keys allowed at the top level are: context, git,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidEnumValue_ListsTheAllowedValues()
    {
        WriteRepoFile("model:\n  provider: openia\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.Equal(".github/codegen.yml:2:13: 'model.provider' must be one of auto, github-models, openai, openai-compatible, azure-openai, anthropic; it is 'openia'.", error.Message);
    }

    [Theory]
    [InlineData("model:\n  temperature: hot\n", ".github/codegen.yml:2:16: 'model.temperature' must be a number; it is 'hot'.")]
    [InlineData("model:\n  temperature: 3\n", ".github/codegen.yml:2:16: 'model.temperature' must be between 0 and 2; it is '3'.")]
    [InlineData("model:\n  request_timeout: 10 minutes\n", ".github/codegen.yml:2:20: 'model.request_timeout' must be a duration such as 500ms, 30s, 5m, 2h or 1d; it is '10 minutes'.")]
    [InlineData("retry:\n  rate_limit:\n    max_attempts: 0\n", ".github/codegen.yml:3:19: 'retry.rate_limit.max_attempts' must be between 1 and 20; it is '0'.")]
    [InlineData("context: 5\n", ".github/codegen.yml:1:10: 'context' is a section; write its keys (token_budget, team_instructions_share, include, exclude, max_file_bytes, cache_directory, cache_ttl) indented under it.")]
    [InlineData("security:\n  protected_paths: {a: b}\n", ".github/codegen.yml:2:20: 'security.protected_paths' must be a list such as [a, b].")]
    [InlineData("git:\n  branch_prefix: bot\n", ".github/codegen.yml:2:18: 'git.branch_prefix' must be a branch-name prefix ending in '/', such as codegen/; it is 'bot'.")]
    public void Load_InvalidValue_NamesFileLineKeyAndWhatIsAllowed(string yaml, string expected)
    {
        WriteRepoFile(yaml);

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Load_SeveralMistakes_ReportsEachOfThem()
    {
        WriteRepoFile("model:\n  temperature: hot\n  nme: x\ncontext:\n  token_budget: -1\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void Load_InvalidYamlSyntax_NamesFileAndLine()
    {
        WriteRepoFile("model:\n  name: [unclosed\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.Matches(@"^\.github/codegen\.yml:\d+:\d+: the YAML cannot be read \(.+\); fix the syntax at that line\.$", error.Message);
    }

    [Fact]
    public void Load_RootIsAList_SaysTheFileMustBeAMapping()
    {
        WriteRepoFile("- model\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }));

        Assert.StartsWith(".github/codegen.yml:1:1: the file must be a mapping of sections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyRepositoryFile_KeepsTheDefaults()
    {
        WriteRepoFile("");

        var options = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = _root }).Options;

        Assert.Equal(24_000, options.Context.TokenBudget);
    }

    [Fact]
    public void Load_UnknownKeyFromEnvironment_NamesTheVariable()
    {
        var inputs = new ConfigurationInputs { Environment = new Dictionary<string, string?> { ["CODEGEN_MODEL__NAMEE"] = "x" } };

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(inputs));

        Assert.StartsWith("environment variable CODEGEN_MODEL__NAMEE: unknown key 'model.namee' (did you mean 'name'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingExplicitFile_SaysSo()
    {
        var missing = Path.Combine(_root, "nope.yml");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new ConfigurationInputs { ConfigFile = missing }));

        Assert.Equal($"{missing}: the configuration file does not exist; check the path.", error.Message);
        Assert.IsAssignableFrom<UserErrorException>(error);
    }

    private void WriteRepoFile(string yaml)
    {
        Directory.CreateDirectory(Path.Combine(_root, ".github"));
        File.WriteAllText(Path.Combine(_root, ".github", "codegen.yml"), yaml);
    }

    private static string Dump(object value)
    {
        var builder = new System.Text.StringBuilder();
        DumpInto(builder, value, "");
        return builder.ToString();
    }

    private static void DumpInto(System.Text.StringBuilder builder, object? value, string path)
    {
        switch (value)
        {
            case null or string or ValueType:
                builder.Append(path).Append('=').Append(value).AppendLine();
                break;
            case System.Collections.IDictionary dictionary:
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    DumpInto(builder, entry.Value, $"{path}[{entry.Key}]");
                }

                break;
            case System.Collections.IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    DumpInto(builder, item, $"{path}[{i++}]");
                }

                break;
            default:
                foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
                {
                    DumpInto(builder, property.GetValue(value), $"{path}.{property.Name}");
                }

                break;
        }
    }
}
