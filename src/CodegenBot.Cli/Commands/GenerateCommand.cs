using System.CommandLine;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Reporting;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Storage;
using CodegenBot.Core.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace CodegenBot.Cli.Commands;

/// <summary><c>codegen generate</c>: the whole pipeline on a local checkout.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var repo = new Option<string>("--repo") { Description = "The git checkout to change (default: the current directory).", DefaultValueFactory = _ => "." };
        var task = new Option<string?>("--task") { Description = "The task, as text." };
        var taskFile = new Option<FileInfo?>("--task-file") { Description = "A file holding the task (Markdown, such as an issue body)." };
        var mode = new Option<GenerationMode>("--mode") { Description = "The kind of change.", DefaultValueFactory = _ => GenerationMode.Feature };
        var endpoint = new Option<string?>("--model-endpoint") { Description = "Base URL of an OpenAI-compatible endpoint (model.endpoint)." };
        var model = new Option<string?>("--model") { Description = "Model name (model.name)." };
        var apiKeyEnv = new Option<string?>("--api-key-env") { Description = "Environment variable holding the API key (model.api_key_env)." };
        var report = new Option<FileInfo?>("--report") { Description = "Write the Markdown report to this file instead of stdout." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Stop before the commit and print the diff; keep no branch." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log debug details to stderr." };

        var command = new Command("generate", "Generate a change for a task on a new branch, checked before it is committed.")
        {
            repo, task, taskFile, mode, endpoint, model, apiKeyEnv, report, dryRun, verbose,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var repositoryPath = Path.GetFullPath(Path.Combine(context.CurrentDirectory, parse.GetValue(repo)!));
            var request = new GenerationRequest
            {
                RepositoryPath = repositoryPath,
                Task = await TaskInput.ReadAsync(parse.GetValue(task), parse.GetValue(taskFile), cancellationToken),
                Mode = parse.GetValue(mode),
                DryRun = parse.GetValue(dryRun),
            };

            var overrides = new List<ConfigOverride>();
            AddOverride(overrides, "model.endpoint", parse.GetValue(endpoint), "--model-endpoint");
            AddOverride(overrides, "model.name", parse.GetValue(model), "--model");
            AddOverride(overrides, "model.api_key_env", parse.GetValue(apiKeyEnv), "--api-key-env");
            var configuration = ConfigurationLoader.Load(new ConfigurationInputs
            {
                RepositoryPath = repositoryPath,
                Environment = context.Environment,
                CommandLine = overrides,
            });

            await using var services = CliServices.Build(context, configuration.Options, parse.GetValue(verbose));
            await using var store = await services.GetRequiredService<ICodegenStoreFactory>().OpenAsync(configuration.Options.Storage, context.Environment, cancellationToken);
            var journal = new RunJournal(store, configuration.Options, context.Time, services.GetRequiredService<ILogger<RunJournal>>());
            GenerationOutcome outcome;
            try
            {
                request = await journal.BeginAsync(request, new TaskIdentity($"{repositoryPath}:{BranchNames.Slug(request.EffectiveTitle)}", repositoryPath, Environment.UserName), cancellationToken);
                outcome = await services.GetRequiredService<GenerationPipeline>()
                    .RunAsync(request, configuration.Options, context.Environment, journal.Heartbeat(), cancellationToken);
            }
            catch (Exception ex)
            {
                await journal.AbortAsync(ex, CancellationToken.None);
                throw;
            }

            await journal.CompleteAsync(outcome, CancellationToken.None);

            var markdown = new ReportRenderer(new TemplateRenderer(null)).Render(outcome);
            if (parse.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(reportFile.FullName, markdown, cancellationToken);
                await context.Error.WriteLineAsync($"Report written to {reportFile.FullName}.");
                if (request.DryRun && outcome.Changes is { } changes)
                {
                    await context.Out.WriteAsync(changes.Diff);
                }
            }
            else
            {
                await context.Out.WriteAsync(markdown);
            }

            await context.Error.WriteLineAsync(outcome.Succeeded
                ? request.DryRun ? "Done (dry run): the change passed the checks; nothing was committed." : $"Done: committed {outcome.CommitSha![..7]} on branch {outcome.Branch}."
                : $"Gave up: {outcome.GiveUpReason}");
            return outcome.Succeeded ? ExitCodes.Success : ExitCodes.GaveUp;
        });

        return command;
    }

    private static void AddOverride(List<ConfigOverride> overrides, string path, string? value, string option)
    {
        if (value is not null)
        {
            overrides.Add(new ConfigOverride(path, value, option));
        }
    }
}
