namespace Ferry.Server.Api;

/// <summary>One journal entry and every step it went through.</summary>
public sealed record JournalShowResponse(JournalEntryResponse Entry, IReadOnlyList<JournalEventResponse> Events);
