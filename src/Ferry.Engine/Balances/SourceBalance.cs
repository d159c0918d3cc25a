using Ferry.Binance;
using Ferry.Binance.Balances;
using Ferry.Core.Outcomes;
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

        var balances = client.Balances;
        return from.Wallet switch
        {
            WalletKind.Spot => Sum(await balances.SpotAccountAsync(new SpotAccountQuery { OmitZeroBalances = true }, ct).ConfigureAwait(false),
                a => a.Balances.Where(b => Same(b.Asset, asset)).Sum(b => b.Free)),
            WalletKind.Funding => Sum(await balances.FundingAssetsAsync(new AssetBalanceQuery { Asset = asset }, ct).ConfigureAwait(false),
                rows => rows.Where(b => Same(b.Asset, asset)).Sum(b => b.Free)),
            WalletKind.Margin => Sum(await balances.CrossMarginAccountAsync(ct).ConfigureAwait(false),
                a => a.UserAssets.Where(b => Same(b.Asset, asset)).Sum(b => b.Free)),
            WalletKind.Isolated when from.Market is not null => Sum(
                await balances.IsolatedMarginAccountAsync(new IsolatedMarginAccountQuery { Symbols = [from.Market] }, ct).ConfigureAwait(false),
                a => a.Assets.Where(p => p.Symbol == from.Market).SelectMany(p => new[] { p.BaseAsset, p.QuoteAsset })
                    .Where(s => Same(s.Asset, asset)).Sum(s => s.Free)),
            WalletKind.UsdM => Sum(await balances.UsdmFuturesBalanceAsync(ct).ConfigureAwait(false),
                rows => rows.Where(b => Same(b.Asset, asset)).Sum(b => b.MaxWithdrawAmount)),
            WalletKind.CoinM => Sum(await balances.CoinFuturesBalanceAsync(ct).ConfigureAwait(false),
                rows => rows.Where(b => Same(b.Asset, asset)).Sum(b => b.WithdrawAvailable)),
            _ => null,
        };
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

    private static decimal? Sum<T>(Outcome<T> outcome, Func<T, decimal> available) => outcome is Done<T> done ? available(done.Value) : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
