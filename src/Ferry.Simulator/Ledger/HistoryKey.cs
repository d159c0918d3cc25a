namespace Ferry.Simulator.Ledger;

/// <summary>Names one list of the ledger's history index: the moves a history query may match, so a read looks at
/// that list only. Owners are compared ignoring case (as the venues compare e-mails), so keys carry them upper-cased.</summary>
public readonly record struct HistoryKey
{
    private HistoryKey(char kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    private char Kind { get; }

    private string Value { get; }

    /// <summary>Moves of one channel and type made by one initiator (the universal-transfer history's own key).</summary>
    public static HistoryKey Initiated(string channel, string type, string initiator) =>
        new('i', channel + "\n" + type + "\n" + Owner(initiator));

    /// <summary>Moves of one channel with <paramref name="owner"/> on either side.</summary>
    public static HistoryKey ChannelParty(string channel, string owner) => new('c', channel + "\n" + Owner(owner));

    /// <summary>Moves into or out of one wallet (owner ignoring case, wallet kind and symbol exact).</summary>
    public static HistoryKey Wallet(WalletAddress wallet)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        return new('w', Owner(wallet.Owner) + "\n" + (int)wallet.Wallet + "\n" + wallet.Symbol);
    }

    /// <summary>Every move with <paramref name="owner"/> on either side.</summary>
    public static HistoryKey Party(string owner) => new('o', Owner(owner));

    /// <summary>The keys whose lists hold <paramref name="move"/>.</summary>
    internal static IEnumerable<HistoryKey> Of(LedgerMove move)
    {
        yield return Initiated(move.Channel, move.Type, move.Initiator);
        yield return Wallet(move.From);
        yield return Wallet(move.To);
        var sameOwner = string.Equals(move.From.Owner, move.To.Owner, StringComparison.OrdinalIgnoreCase);
        yield return ChannelParty(move.Channel, move.From.Owner);
        if (!sameOwner) yield return ChannelParty(move.Channel, move.To.Owner);
        yield return Party(move.From.Owner);
        if (!sameOwner) yield return Party(move.To.Owner);
    }

    private static string Owner(string owner) => owner.ToUpperInvariant();
}
