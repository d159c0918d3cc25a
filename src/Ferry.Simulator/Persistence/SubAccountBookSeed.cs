using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>The sub-account book a scenario starts with.</summary>
internal static class SubAccountBookSeed
{
    public static SubAccountBookState FromScenario(ScenarioDocument? scenario, long nowMs)
    {
        var b = scenario?.Binance;
        if (b is null) return SubAccountBookState.Empty;
        var next = SubAccountBookState.FirstSubUserId;
        var profiles = b.SubAccounts.Select(s => new SubAccountProfile(s.Email, next++, nowMs, s.Remark, s.Frozen, false)).ToList();
        var positions = b.Positions.Select(p => new SimPosition(
            p.Owner, p.FuturesType, p.Symbol, p.PositionSide, p.Side == "SHORT" ? -p.Quantity : p.Quantity,
            p.EntryPrice, p.MarkPrice, p.Leverage)).ToList();
        var deposits = b.Deposits.Select(d => new SimDeposit(
            d.Owner, DepositId(d.Owner, d.TxId), d.Coin, d.Network, d.Amount, d.Status,
            d.Address ?? DepositAddresses.For(d.Owner, d.Coin, d.Network).Address, d.AddressTag, d.TxId, d.InsertTime)).ToList();
        return new SubAccountBookState(profiles, [], positions, [], new Dictionary<string, decimal>(b.Prices), deposits, next);
    }

    /// <summary>An 18-digit id derived from owner and txId (Binance deposit ids are long digit strings).</summary>
    private static string DepositId(string owner, string txId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{owner.ToLowerInvariant()}|{txId}"));
        var n = BitConverter.ToUInt64(hash, 0) % 900_000_000_000_000_000UL + 100_000_000_000_000_000UL;
        return n.ToString(CultureInfo.InvariantCulture);
    }
}
