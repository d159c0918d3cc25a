namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>What the master knows about one sub-account beyond its wallets: id, creation time, remark, freeze flag.</summary>
/// <param name="Email">The sub-account's e-mail (the ledger's user key).</param>
/// <param name="SubUserId">Binance's numeric sub-user id.</param>
/// <param name="CreateTimeMs">When it was created (epoch ms).</param>
/// <param name="Remark">Free text the master gave it ("" when none).</param>
/// <param name="Frozen">Whether the sub-account is frozen (<c>isFreeze</c>; <c>isSubUserEnabled</c> is its negation).</param>
/// <param name="Virtual">True for accounts made by POST virtualSubAccount.</param>
public sealed record SubAccountProfile(string Email, long SubUserId, long CreateTimeMs, string Remark, bool Frozen, bool Virtual);

/// <summary>The IP restriction of one sub-account API key.</summary>
/// <param name="ApiKey">The restricted key.</param>
/// <param name="Owner">The sub-account that owns the key.</param>
/// <param name="Restricted">True when only <paramref name="IpList"/> may use the key (Binance status 2).</param>
/// <param name="IpList">Trusted addresses, in the order they were added.</param>
/// <param name="UpdateTimeMs">Last change (epoch ms).</param>
public sealed record KeyIpRestriction(string ApiKey, string Owner, bool Restricted, IReadOnlyList<string> IpList, long UpdateTimeMs);

/// <summary>An open futures position.</summary>
/// <param name="Owner">Who holds it.</param>
/// <param name="Market">UM (USDⓈ-M) or CM (COIN-M).</param>
/// <param name="Symbol">e.g. BTCUSDT.</param>
/// <param name="PositionSide">BOTH (one-way mode), LONG or SHORT (hedge mode).</param>
/// <param name="Amount">Signed quantity: positive long, negative short.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">Current mark price.</param>
/// <param name="Leverage">Leverage (1..125).</param>
public sealed record SimPosition(
    string Owner, string Market, string Symbol, string PositionSide, decimal Amount, decimal EntryPrice, decimal MarkPrice, int Leverage)
{
    /// <summary>(mark − entry) × signed amount.</summary>
    public decimal UnrealizedProfit => (MarkPrice - EntryPrice) * Amount;

    /// <summary>|amount| × mark.</summary>
    public decimal Notional => Math.Abs(Amount) * MarkPrice;
}

/// <summary>One executed position move (a row of GET move-position).</summary>
public sealed record PositionMoveRecord(
    string FromEmail, string ToEmail, string Symbol, decimal Price, decimal Quantity, string PositionSide, string Side, long TimestampMs);

/// <summary>A deposit record of the scenario (history only: the scenario's balances already hold the money).</summary>
public sealed record SimDeposit(
    string Owner, string Id, string Coin, string Network, decimal Amount, int Status, string Address, string AddressTag,
    string TxId, long InsertTimeMs);

/// <summary>Everything the sub-account book holds, as plain data (what the store saves and loads).</summary>
public sealed record SubAccountBookState(
    IReadOnlyList<SubAccountProfile> Profiles,
    IReadOnlyList<KeyIpRestriction> IpRestrictions,
    IReadOnlyList<SimPosition> Positions,
    IReadOnlyList<PositionMoveRecord> PositionMoves,
    IReadOnlyDictionary<string, decimal> Prices,
    IReadOnlyList<SimDeposit> Deposits,
    long NextSubUserId)
{
    /// <summary>The first sub-user id handed out.</summary>
    public const long FirstSubUserId = 300_000_001;

    /// <summary>An empty book.</summary>
    public static SubAccountBookState Empty { get; } =
        new([], [], [], [], new Dictionary<string, decimal>(), [], FirstSubUserId);
}

/// <summary>Where book changes are written through: the whole book plus, when a user was added or its flags changed, that
/// user. Called before memory changes; if it throws, the change did not happen.</summary>
public interface ISubAccountBookStore
{
    /// <summary>Durably records the book and the changed user (if any), in one transaction.</summary>
    void Save(SubAccountBookState state, SimUser? changedUser);
}

/// <summary>The in-memory store: nothing to write.</summary>
internal sealed class MemorySubAccountBookStore : ISubAccountBookStore
{
    public static readonly MemorySubAccountBookStore Instance = new();

    public void Save(SubAccountBookState state, SimUser? changedUser)
    {
    }
}
