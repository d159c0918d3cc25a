using Spectre.Console;

namespace Ferry.Cli.Output;

/// <summary>Spectre consoles bound to the CLI's writers, colour only on a real terminal.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(TextWriter writer, bool isTerminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
