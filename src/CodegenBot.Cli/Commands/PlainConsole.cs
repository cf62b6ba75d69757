using Spectre.Console;

namespace CodegenBot.Cli.Commands;

/// <summary>A Spectre console over a writer with no colours or ANSI codes, so output reads the same in a terminal, a file or a CI log.</summary>
internal static class PlainConsole
{
    public static IAnsiConsole Create(TextWriter output, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
