using Ferry.Binance;
using Ferry.Binance.Balances;
using Ferry.Binance.SubAccount;
using Ferry.Core.Outcomes;
using Ferry.Engine.Addresses;

namespace Ferry.Engine.Balances;

/// <summary>
/// Reads Binance wallet balances into one <see cref="BalanceSheet"/>: an account's own wallets with its own key (spot
/// GET /api/v3/account, funding, cross and isolated margin, USDⓈ-M GET /fapi/v3/balance, COIN-M GET /dapi/v1/balance),
/// and a sub-account's with the master's key (GET /sapi/v4/sub-account/assets, the sub-account margin account, the
/// futures account v2 for USDⓈ-M and COIN-M). A wallet that cannot be read is listed as unread with the reason; the
/// others are still read. Reads only: nothing here moves money.
/// </summary>
public sealed class BinanceWalletReader(BinanceClient client)
{
    private readonly List<AccountBalance> _rows = [];
    private readonly List<UnreadWallet> _unread = [];

    /// <summary>What has been read so far.</summary>
    public BalanceSheet Sheet => new([.. _rows], [.. _unread]);

    /// <summary>The key's own wallets, in the order they are read and shown.</summary>
    public static IReadOnlyList<WalletKind> OwnWallets { get; } =
        [WalletKind.Spot, WalletKind.Funding, WalletKind.Margin, WalletKind.Isolated, WalletKind.UsdM, WalletKind.CoinM];

    /// <summary>Reads the key's own wallets, shown as <paramref name="owner"/>.</summary>
    public async Task ReadOwnAsync(string owner, CancellationToken ct)
    {
        foreach (var wallet in OwnWallets) await ReadOwnAsync(owner, wallet, ct).ConfigureAwait(false);
    }

    /// <summary>Reads one of the key's own wallets (one of <see cref="OwnWallets"/>), shown as <paramref name="owner"/>:
    /// the one place that says which of a wallet's fields is its amount and which what can leave it now.</summary>
    public async Task ReadOwnAsync(string owner, WalletKind wallet, CancellationToken ct)
    {
        var balances = client.Balances;
        switch (wallet)
        {
            case WalletKind.Spot:
                Add(owner, "SPOT", await balances.SpotAccountAsync(new SpotAccountQuery { OmitZeroBalances = true }, ct).ConfigureAwait(false),
                    spot => spot.Balances.Select(b => Row(owner, "SPOT", null, b.Asset, b.Free + b.Locked, b.Free)));
                break;
            case WalletKind.Funding:
                Add(owner, "FUNDING", await balances.FundingAssetsAsync(null, ct).ConfigureAwait(false),
                    rows => rows.Select(b => Row(owner, "FUNDING", null, b.Asset, b.Free + b.Locked + b.Freeze + b.Withdrawing, b.Free)));
                break;
            case WalletKind.Margin:
                Add(owner, "MARGIN", await balances.CrossMarginAccountAsync(ct).ConfigureAwait(false),
                    margin => margin.UserAssets.Select(b => Row(owner, "MARGIN", null, b.Asset, b.Free + b.Locked, b.Free)));
                break;
            case WalletKind.Isolated:
                Add(owner, "ISOLATED_MARGIN", await balances.IsolatedMarginAccountAsync(null, ct).ConfigureAwait(false),
                    isolated => isolated.Assets.SelectMany(pair => new[] { pair.BaseAsset, pair.QuoteAsset }
                        .Select(side => Row(owner, "ISOLATED_MARGIN", pair.Symbol, side.Asset, side.Free + side.Locked, side.Free))));
                break;
            case WalletKind.UsdM:
                Add(owner, "USDT_FUTURE", await balances.UsdmFuturesBalanceAsync(ct).ConfigureAwait(false),
                    rows => rows.Select(b => Row(owner, "USDT_FUTURE", null, b.Asset, b.Balance, b.MaxWithdrawAmount)));
                break;
            case WalletKind.CoinM:
                Add(owner, "COIN_FUTURE", await balances.CoinFuturesBalanceAsync(ct).ConfigureAwait(false),
                    rows => rows.Select(b => Row(owner, "COIN_FUTURE", null, b.Asset, b.Balance, b.WithdrawAvailable)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(wallet), wallet, "Not one of the key's own wallets this reader knows.");
        }
    }

    /// <summary>The master's sub-accounts (lower-case e-mails), or null with the read listed as unread.</summary>
    public async Task<IReadOnlyList<string>?> SubAccountsAsync(string master, CancellationToken ct)
    {
        var outcome = await client.SubAccountManagement.GetAllSubAccountsAsync(null, ct).ConfigureAwait(false);
        if (outcome is Done<IReadOnlyList<Ferry.Binance.Models.SubAccount.SubAccountListRow>> done)
            return [.. done.Value.Select(r => r.Email.ToLowerInvariant())];
        _unread.Add(new UnreadWallet(master, "sub-account list", outcome.Kind, outcome.Describe()));
        return null;
    }

    /// <summary>Reads one sub-account's spot, margin and futures wallets with the master's key.</summary>
    public async Task ReadSubAccountAsync(string email, CancellationToken ct)
    {
        var assets = client.SubAccountAssets;
        var who = new SubAccountEmailRequest(email);
        Add(email, "SPOT", await assets.GetAssetsV4Async(who, ct).ConfigureAwait(false),
            spot => spot.Balances.Select(b => Row(email, "SPOT", null, b.Asset, b.Free + b.Locked + b.Freeze + b.Withdrawing, b.Free)));
        Add(email, "MARGIN", await assets.GetMarginAccountAsync(who, ct).ConfigureAwait(false),
            margin => margin.MarginUserAssetVoList.Select(b => Row(email, "MARGIN", null, b.Asset, b.Free + b.Locked, b.Free)));
        foreach (var (type, wallet) in new[] { (FuturesType.UsdtMargined, "USDT_FUTURE"), (FuturesType.CoinMargined, "COIN_FUTURE") })
        {
            Add(email, wallet, await assets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery(email, type), ct).ConfigureAwait(false),
                futures => ((type == FuturesType.UsdtMargined ? futures.FutureAccountResp : futures.DeliveryAccountResp)?.Assets ?? [])
                    .Select(b => Row(email, wallet, null, b.Asset, b.WalletBalance, b.MaxWithdrawAmount)));
        }
    }

    private static AccountBalance Row(string owner, string wallet, string? symbol, string asset, decimal amount, decimal available) =>
        new(owner, wallet, symbol, asset.ToUpperInvariant(), amount, available);

    private void Add<T>(string owner, string wallet, Outcome<T> outcome, Func<T, IEnumerable<AccountBalance>> rows)
    {
        if (outcome is Done<T> done) _rows.AddRange(rows(done.Value).Where(r => r.Amount != 0m));
        else _unread.Add(new UnreadWallet(owner, wallet, outcome.Kind, outcome.Describe()));
    }
}
