using System.CommandLine;
using CodegenBot.GitHub.Actions;
using CodegenBot.GitHub.Jobs;

namespace CodegenBot.Cli.Commands;

/// <summary>
/// <c>codegen action</c>: the container action's entry point. Reads the event and inputs from the runner's
/// environment (docs/action.md), does what the event asks, and writes outputs, job summary and annotations.
/// </summary>
internal static class ActionCommand
{
    public static Command Create(CliContext context)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log debug details to stderr." };
        var command = new Command("action", "Run as the GitHub Action: act on the event in GITHUB_EVENT_PATH (see docs/action.md).") { verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var action = ActionEnvironment.Read(context.Environment, context.CurrentDirectory);
            if (context.Environment.GetValueOrDefault("GITHUB_ACTIONS") == "true")
            {
                // The runner mounts the workspace into the container; its owner may differ from the container's user,
                // and libgit2 would then refuse the repository as git refuses a "dubious ownership" one.
                LibGit2Sharp.GlobalSettings.SetOwnerValidation(false);
            }

            var runner = new ActionRunner(action, context.Environment, context.Out, context.Time, options => CliServices.Build(context, options, parse.GetValue(verbose)));
            var result = await runner.RunAsync(cancellationToken);
            await context.Error.WriteLineAsync($"CodegenBot {result.StatusText}: {result.Message}");
            return result.ExitCode;
        });
        return command;
    }
}
