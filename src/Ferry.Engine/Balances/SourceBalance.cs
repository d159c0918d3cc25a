using Ferry.Binance;
using Ferry.Engine.Addresses;
using Ferry.Engine.Moves;

namespace Ferry.Engine.Balances;

/// <summary>
/// What a move's source wallet holds of its asset that can leave it now, read just before the move is journaled: the
/// account's own wallet with its own key (spot, funding, cross or isolated margin, USDⓈ-M, COIN-M), or a sub-account's
/// spot, margin or futures wallet with the master's key. Null when the wallet is not one of those or the read did not
/// end Done: then the exchange decides, as before.
/// </summary>
public static class SourceBalance
{
    public static async Task<decimal?> AvailableAsync(BinanceClient client, WalletAddress from, string? accountEmail, string asset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(from);
        if (from.Email is not null && !string.Equals(from.Email, accountEmail, StringComparison.OrdinalIgnoreCase))
            return await SubAccountAsync(client, from.Email, from.Wallet, asset, ct).ConfigureAwait(false);

        if (!BinanceWalletReader.OwnWallets.Contains(from.Wallet) || (from.Wallet == WalletKind.Isolated && from.Market is null)) return null;
        var reader = new BinanceWalletReader(client);
        await reader.ReadOwnAsync(accountEmail ?? "", from.Wallet, ct).ConfigureAwait(false);
        var sheet = reader.Sheet;
        if (sheet.Unread.Count > 0) return null;
        return sheet.Rows.Where(r => Same(r.Asset, asset) && (from.Wallet != WalletKind.Isolated || r.Symbol == from.Market)).Sum(r => r.Available);
    }

    private static async Task<decimal?> SubAccountAsync(BinanceClient master, string email, WalletKind wallet, string asset, CancellationToken ct)
    {
        if (!BinanceBalanceReader.Readable.Contains(wallet)) return null;
        try
        {
            return await new BinanceBalanceReader(master, TimeSpan.Zero).FreeAsync(email, wallet, asset, ct).ConfigureAwait(false);
        }
        catch (BalanceReadException)
        {
            return null;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
