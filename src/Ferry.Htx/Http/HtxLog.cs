using Microsoft.Extensions.Logging;

namespace Ferry.Htx.Http;

/// <summary>
/// The HTX client's log messages with stable event ids (2101-2199, listed in docs/library.md). Built from an endpoint's
/// method and path, numbers and outcome names: HTX puts the AccessKeyId and the Signature in the query, so the request's
/// address never reaches a log call.
/// </summary>
internal static partial class HtxLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "{Method} {Path} -> HTTP {Status}, {Bytes} bytes{Incomplete}, {ElapsedMs} ms; requests left in the window: {Remaining}")]
    public static partial void Answered(ILogger logger, string method, string path, int status, int bytes, string incomplete, long elapsedMs, string remaining);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "{Method} {Path} -> {What} ({Failure}), {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, string method, string path, string what, string failure, long elapsedMs);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "{Method} {Path} -> rate limited (HTTP {Status}, code {Code}); nothing more goes to it until {Until:O}")]
    public static partial void RateLimited(ILogger logger, string method, string path, int status, string code, DateTimeOffset until);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "{Method} {Path} ended {Outcome}{Code}")]
    public static partial void Ended(ILogger logger, string method, string path, string outcome, string code);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "{Method} {Path} ended unknown: it may have executed ({Reason})")]
    public static partial void EndedUnknown(ILogger logger, string method, string path, string reason);
}
