using Microsoft.Extensions.Logging;

namespace Ferry.Engine.Journal;

/// <summary>What the journal stores log (event ids 1201-1204): a schema migrated, a compare-and-set refused, a claim
/// refused or taken over. Stores name where they live without a password (<c>PostgresJournalAddress.Display</c>).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "journal {Journal}: schema migrated from {From} to {To}")]
    public static partial void Migrated(ILogger logger, string journal, int from, int to);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "journal {EntryId}: {Expected} -> {To} refused; the entry is {Current}")]
    public static partial void TransitionRefused(ILogger logger, string entryId, string expected, string to, string current);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "claim {Subject}: refused to {Owner}, held by {Holder} (token {Token}) until {LeaseUntil:O}")]
    public static partial void ClaimRefused(ILogger logger, string subject, string owner, string holder, long token, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "claim {Subject}: taken over by {Owner} from {Holder} (token {Token}, lease until {LeaseUntil:O}, {Why})")]
    public static partial void ClaimTakenOver(ILogger logger, string subject, string owner, string holder, long token, DateTimeOffset leaseUntil, string why);
}
