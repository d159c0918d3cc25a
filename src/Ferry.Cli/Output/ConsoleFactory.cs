using Spectre.Console;

namespace Ferry.Cli.Output;

/// <summary>Spectre consoles bound to the CLI's writers, colour only on a real terminal.</summary>
internal static class ConsoleFactory
{
    /// <summary>
    /// Width used when output is not a terminal (a pipe, a file, a test): wide enough that tables of
    /// emails and transfer types never wrap mid-word, as they would at Spectre's 80-column default.
    /// </summary>
    public const int NonTerminalWidth = 240;

    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal) console.Profile.Width = NonTerminalWidth;
        return console;
    }
}
