using Microsoft.Extensions.Logging;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>Log messages with stable event ids. A request line names method, path, status, time and weight — never the
/// query, the signature or the key (the client writes it that way).</summary>
internal static partial class FerryLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Venue} {Line}")]
    public static partial void Request(ILogger logger, string venue, string line);
}
