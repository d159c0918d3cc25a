using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers.OwnWallets;

/// <summary>Reads of the caller's own balance cells shared by the own-wallet handlers.</summary>
internal static class OwnCells
{
    /// <summary>The caller's non-zero balances in one wallet kind (summed over symbols), by asset, in asset order.</summary>
    public static SortedDictionary<string, decimal> Of(SimLedger ledger, string owner, WalletKind wallet)
    {
        var byAsset = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var cell in ledger.Balances(owner))
        {
            if (cell.Key.Wallet.Wallet == wallet) byAsset[cell.Key.Asset] = byAsset.GetValueOrDefault(cell.Key.Asset) + cell.Value;
        }
        return byAsset;
    }

    /// <summary>A stable numeric user id for an e-mail (the simulator keeps no UIDs; FNV-1a, 9 digits).</summary>
    public static long Uid(string email)
    {
        var hash = 2166136261u;
        foreach (var c in email.ToLowerInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }
        return 100_000_000 + (hash % 900_000_000);
    }

    /// <summary>A stable account alias for futures rows ("SgsR" in the docs): four letters from the e-mail.</summary>
    public static string Alias(string email)
    {
        var uid = Uid(email);
        return string.Concat(Enumerable.Range(0, 4).Select(i => (char)((i % 2 == 0 ? 'A' : 'a') + (int)(uid >> (i * 5) & 31) % 26)));
    }
}
