using System.CommandLine;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;

namespace CodegenBot.Cli.Commands;

/// <summary><c>codegen config show|validate</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext context)
    {
        var repo = new Option<string>("--repo") { Description = "The repository whose .github/codegen.yml applies (default: the current directory).", DefaultValueFactory = _ => "." };
        var noSources = new Option<bool>("--no-sources") { Description = "Leave out where each value came from." };
        var show = new Command("show", "Print the effective configuration, where each value came from, with secrets masked.") { repo, noSources };
        show.SetAction(async (parse, cancellationToken) =>
        {
            var repositoryPath = Path.GetFullPath(Path.Combine(context.CurrentDirectory, parse.GetValue(repo)!));
            var configuration = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = repositoryPath, Environment = context.Environment });
            await context.Out.WriteAsync(ConfigurationPrinter.Print(configuration.Tree, showSources: !parse.GetValue(noSources)));
            await context.Out.WriteLineAsync(DescribeModel(configuration.Options.Model, context.Environment));
            return 0;
        });

        var file = new Argument<FileInfo?>("file") { Description = "The file to check (default: .github/codegen.yml of the current directory).", Arity = ArgumentArity.ZeroOrOne };
        var validate = new Command("validate", "Check a configuration file: syntax, keys, types and ranges.") { file };
        validate.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)?.FullName ?? Path.Combine(context.CurrentDirectory, ConfigurationLoader.RepositoryFile);
            ConfigurationLoader.Load(new ConfigurationInputs { ConfigFile = path });
            await context.Out.WriteLineAsync($"{path} is valid.");
            return 0;
        });

        var output = new Option<FileInfo?>("--output") { Description = "Write the reference to this file instead of stdout." };
        var docs = new Command("docs", "Print the configuration reference (docs/configuration.md), generated from the options types.") { output };
        docs.SetAction(async (parse, cancellationToken) =>
        {
            var reference = ConfigurationReference.Generate();
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, reference, cancellationToken);
            }
            else
            {
                await context.Out.WriteAsync(reference);
            }

            return 0;
        });

        return new Command("config", "Show, validate or document configuration.") { show, validate, docs };
    }

    private static string DescribeModel(ModelOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        try
        {
            var selection = ModelSelection.Resolve(options, environment);
            var key = selection.ApiKeyVariable is null ? "no API key" : $"API key from {selection.ApiKeyVariable} ({ConfigurationPrinter.Mask})";
            return $"# model in use: {selection.Model} via {ConfigNames.EnumValue(selection.Provider)} at {ConfigurationPrinter.MaskIfSecret("endpoint", selection.Endpoint.ToString())}, {key}";
        }
        catch (UserErrorException ex)
        {
            return $"# model in use: none. {ex.Message}";
        }
    }
}
