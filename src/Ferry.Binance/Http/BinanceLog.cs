using Microsoft.Extensions.Logging;

namespace Ferry.Binance.Http;

/// <summary>
/// The Binance client's log messages with stable event ids (2001-2099, listed in docs/library.md). Every message is built
/// from an endpoint's method and path, numbers and outcome names: the query (which holds the signature), the body and
/// the headers sent (which hold the API key) never reach a log call.
/// </summary>
internal static partial class BinanceLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "{Method} {Path} -> HTTP {Status}, {Bytes} bytes{Incomplete}, {ElapsedMs} ms; used weight: ip {IpWeight}, uid {UidWeight}")]
    public static partial void Answered(ILogger logger, string method, string path, int status, int bytes, string incomplete, long elapsedMs,
        string ipWeight, string uidWeight);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Method} {Path} -> {What} ({Failure}), {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, string method, string path, string what, string failure, long elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{Method} {Path} -> HTTP {Status}: rate limited, nothing more goes to it until {Until:O}")]
    public static partial void RateLimited(ILogger logger, string method, string path, int status, DateTimeOffset until);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "{Method} {Path} ended {Outcome}{Code}")]
    public static partial void Ended(ILogger logger, string method, string path, string outcome, string code);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "{Method} {Path} ended unknown: it may have executed ({Reason})")]
    public static partial void EndedUnknown(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "{Method} {Path}: the exchange refused the timestamp (-1021); the server clock was measured again and the request goes once more")]
    public static partial void Retimed(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "{Method} {Path}: sent again ({Why}; a GET changes nothing)")]
    public static partial void GetAgain(ILogger logger, string method, string path, string why);
}
