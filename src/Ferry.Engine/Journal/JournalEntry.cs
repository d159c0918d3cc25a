namespace Ferry.Engine.Journal;

/// <summary>What a leg is, as written before it is sent: never a secret, only the public request parameters.</summary>
/// <param name="Kind">The leg kind (a TransferEndpointKind name, or HtxSpotSwapTransfer); it picks the reconciler.</param>
/// <param name="Venue">binance or htx.</param>
/// <param name="AccountName">The configured account whose key sends it.</param>
/// <param name="Endpoint">"POST /path".</param>
/// <param name="Parameters">The request parameters in wire order, without timestamp or signature.</param>
/// <param name="From">The source wallet address.</param>
/// <param name="To">The target wallet address.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">The amount.</param>
/// <param name="ClientTranId">The caller-chosen id sent with it, when the endpoint takes one.</param>
/// <param name="Intent">An optional caller's key grouping the attempts at one intended move (e.g. the soak runner's transfer number).</param>
public sealed record LegDescription(
    string Kind, string Venue, string AccountName, string Endpoint, IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string From, string To, string Asset, decimal Amount, string? ClientTranId = null, string? Intent = null)
{
    /// <summary>The route this leg belongs to (a multi-leg move, run by the route executor), or null for a lone leg.</summary>
    public string? RouteId { get; init; }

    /// <summary>The leg's position in its route, from 1; a retried leg keeps its position.</summary>
    public int? RouteLeg { get; init; }

    /// <summary>Who asked for the move (null on legs journaled before schema 5).</summary>
    public Policy.Requester? Requester { get; init; }

    /// <summary>True when this leg starts a move: a lone leg or a route's first.</summary>
    public bool StartsMove => RouteLeg is null or 1;
}

/// <summary>One journaled leg as stored: the description, its state, and what is known of its current attempt.</summary>
public sealed record JournalEntry(
    string Id,
    LegDescription Leg,
    LegState State,
    int Attempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    string? ExchangeId,
    string? HistoryId,
    string? ErrorCode,
    string? Message)
{
    /// <summary>True while reconciliation has something to decide (sending or unknown).</summary>
    public bool NeedsReconciliation => State is LegState.Sending or LegState.Unknown;
}

/// <summary>One recorded step of an entry, oldest first.</summary>
public sealed record JournalEvent(string LegId, long Seq, DateTimeOffset At, int Attempt, LegState? From, LegState To, string? Detail);

/// <summary>What a transition records besides the new state.</summary>
public sealed record TransitionDetails
{
    public string? ExchangeId { get; init; }
    public string? HistoryId { get; init; }
    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
}
