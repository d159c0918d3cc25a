namespace Ferry.Cli;

/// <summary>A failure to report as one sentence with a documented exit code, never a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);
    public static CliException Refused(string message) => new(ExitCodes.Refused, message);
}
