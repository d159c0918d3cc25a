namespace Ferry.Server.Api;

/// <summary>Journal entries, newest first.</summary>
public sealed record JournalListResponse(IReadOnlyList<JournalEntryResponse> Entries);
