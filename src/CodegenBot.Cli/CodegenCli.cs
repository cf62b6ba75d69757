using System.CommandLine;
using CodegenBot.Cli.Commands;
using CodegenBot.Core;

namespace CodegenBot.Cli;

/// <summary>The <c>codegen</c> command line: parses, dispatches, and maps every outcome to an exit code.</summary>
internal static class CodegenCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = new RootCommand("CodegenBot: turns a task into a tested, reviewed-ready change on a branch.")
        {
            GenerateCommand.Create(context),
            ContextCommand.Create(context),
            AssessCommand.Create(context),
            ConfigCommand.Create(context),
            ActionCommand.Create(context),
            StatsCommand.Create(context),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }

            await context.Error.WriteLineAsync($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UserErrorException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("Cancelled; nothing was committed and the work branch was removed.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary><c>codegen config show</c> for the command a parse ended in.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is System.CommandLine.Parsing.CommandResult { Command: { } command } && command is not RootCommand)
            {
                names.Insert(0, command.Name);
            }
        }

        return string.Join(' ', ["codegen", .. names]);
    }
}
