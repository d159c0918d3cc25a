using Microsoft.Extensions.Logging;

namespace Ferry.Cli.Sessions;

/// <summary>A worker's log lines (what it took, finished, handed back or lost, naming the worker, unit, token and journal
/// ids) go to standard error, so standard output stays the units' results, and to the command's log.</summary>
internal sealed class WorkerLog(CliEnvironment env) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var message = formatter(state, exception);
        lock (env.Error)
        {
            env.Error.WriteLine(message);
        }
        env.Log.Info(message);
    }
}
