using CodegenBot.Core;

namespace CodegenBot.Cli.Commands;

/// <summary>The task of a command, from <c>--task TEXT</c> or <c>--task-file FILE</c> (exactly one).</summary>
internal static class TaskInput
{
    public static async Task<string> ReadAsync(string? text, FileInfo? file, CancellationToken cancellationToken)
    {
        if ((text is null) == (file is null))
        {
            throw new UserErrorException("Give the task either as --task TEXT or as --task-file FILE (exactly one of them).");
        }

        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new UserErrorException($"The task file '{file.FullName}' does not exist; check the path given to --task-file.");
            }

            text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }

        return string.IsNullOrWhiteSpace(text)
            ? throw new UserErrorException("The task is empty; describe the change you want in --task or --task-file.")
            : text;
    }
}
