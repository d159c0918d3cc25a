namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>What the master knows about one sub-account beyond its wallets: id, creation time, remark, freeze flag.</summary>
/// <param name="Email">The sub-account's e-mail (the ledger's user key).</param>
/// <param name="SubUserId">Binance's numeric sub-user id.</param>
/// <param name="CreateTimeMs">When it was created (epoch ms).</param>
/// <param name="Remark">Free text the master gave it ("" when none).</param>
/// <param name="Frozen">Whether the sub-account is frozen (<c>isFreeze</c>; <c>isSubUserEnabled</c> is its negation).</param>
/// <param name="Virtual">True for accounts made by POST virtualSubAccount.</param>
public sealed record SubAccountProfile(string Email, long SubUserId, long CreateTimeMs, string Remark, bool Frozen, bool Virtual);
