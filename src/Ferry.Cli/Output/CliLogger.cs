using Microsoft.Extensions.Logging;
// This namespace has its own LogLevel (the CLI's levels), which wins over an alias of the same name.
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Ferry.Cli.Output;

/// <summary>
/// An <see cref="ILogger"/> over the command's <see cref="CliLog"/> (<c>--verbose</c>, FERRY_LOG), for the engine and the
/// venue clients: Information and above become info lines, Debug and Trace debug lines, each scrubbed by the log like every
/// other line. <paramref name="prefix"/> ("http " for the clients) keeps the lines a reader greps for.
/// </summary>
internal sealed class CliLogger(CliLog log, string prefix = "") : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    // Asked before a message is built: a run that logs nothing at debug builds no debug line.
    public bool IsEnabled(MsLogLevel logLevel) => logLevel switch
    {
        MsLogLevel.None => false,
        >= MsLogLevel.Information => log.Level >= LogLevel.Info,
        _ => log.IsDebug,
    };

    public void Log<TState>(MsLogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = prefix + formatter(state, exception);
        if (logLevel >= MsLogLevel.Information)
        {
            log.Info(message);
        }
        else
        {
            log.Debug(message);
        }
    }
}
