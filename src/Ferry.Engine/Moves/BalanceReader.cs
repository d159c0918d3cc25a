using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.Moves;

/// <summary>Reads what a sweep or rebalance needs to know before it plans: which sub-accounts exist, and how much of an
/// asset a sub-account's wallet holds free.</summary>
public interface IBalanceReader
{
    /// <summary>Every sub-account of the master, lower-case e-mails.</summary>
    Task<IReadOnlyList<string>> SubAccountsAsync(CancellationToken ct);

    /// <summary>The free (transferable) amount of <paramref name="asset"/> in <paramref name="email"/>'s <paramref name="wallet"/>.</summary>
    Task<decimal> FreeAsync(string email, WalletKind wallet, string asset, CancellationToken ct);
}

/// <summary>A read the plan needed did not end Done; nothing was moved.</summary>
public sealed class BalanceReadException(OutcomeKind kind, string message) : Exception(message)
{
    /// <summary>How the read ended (NotSent, Rejected or Unknown).</summary>
    public OutcomeKind Kind { get; } = kind;
}

/// <summary>
/// Reads sub-account balances with the master's key: the sub-account list (GET /sapi/v1/sub-account/list, 200 a page),
/// spot (GET /sapi/v4/sub-account/assets, "free"), cross margin (GET /sapi/v1/sub-account/margin/account, "free") and
/// USDⓈ-M / COIN-M (GET /sapi/v2/sub-account/futures/account, "maxWithdrawAmount": what can leave the wallet).
/// </summary>
public sealed class BinanceBalanceReader(BinanceClient master, TimeSpan? edgeGuard = null) : IBalanceReader
{
    /// <summary>The wallets whose balance this reader can read.</summary>
    public static IReadOnlyList<WalletKind> Readable { get; } = [WalletKind.Spot, WalletKind.Margin, WalletKind.UsdM, WalletKind.CoinM];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> SubAccountsAsync(CancellationToken ct)
    {
        using var edges = WeightLimiter.GuardWindowEdges(EdgeGuard);
        var outcome = await master.SubAccountManagement.GetAllSubAccountsAsync(null, ct).ConfigureAwait(false);
        return outcome is Done<IReadOnlyList<Ferry.Binance.Models.SubAccount.SubAccountListRow>> done
            ? done.Value.Select(r => r.Email.ToLowerInvariant()).ToList()
            : throw Fail(outcome, "reading the sub-account list");
    }

    /// <inheritdoc/>
    public async Task<decimal> FreeAsync(string email, WalletKind wallet, string asset, CancellationToken ct)
    {
        var what = $"reading {email}'s {wallet.ToString().ToLowerInvariant()} balance";
        using var edges = WeightLimiter.GuardWindowEdges(EdgeGuard);
        switch (wallet)
        {
            case WalletKind.Spot:
            {
                var outcome = await master.SubAccountAssets.GetAssetsV4Async(new SubAccountEmailRequest(email), ct).ConfigureAwait(false);
                return outcome is Done<Ferry.Binance.Models.SubAccount.SubAccountAssetsV4> d
                    ? d.Value.Balances.Where(b => Same(b.Asset, asset)).Sum(b => b.Free)
                    : throw Fail(outcome, what);
            }
            case WalletKind.Margin:
            {
                var outcome = await master.SubAccountAssets.GetMarginAccountAsync(new SubAccountEmailRequest(email), ct).ConfigureAwait(false);
                return outcome is Done<Ferry.Binance.Models.SubAccount.SubAccountMarginAccount> d
                    ? d.Value.MarginUserAssetVoList.Where(b => Same(b.Asset, asset)).Sum(b => b.Free)
                    : throw Fail(outcome, what);
            }
            case WalletKind.UsdM or WalletKind.CoinM:
            {
                var type = wallet == WalletKind.UsdM ? FuturesType.UsdtMargined : FuturesType.CoinMargined;
                var outcome = await master.SubAccountAssets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery(email, type), ct).ConfigureAwait(false);
                if (outcome is not Done<Ferry.Binance.Models.SubAccount.SubAccountFuturesAccountV2> d) throw Fail(outcome, what);
                var account = wallet == WalletKind.UsdM ? d.Value.FutureAccountResp : d.Value.DeliveryAccountResp;
                return account?.Assets.Where(b => Same(b.Asset, asset)).Sum(b => b.MaxWithdrawAmount) ?? 0m;
            }
            default:
                throw new ArgumentException($"Ferry cannot read a sub-account's {wallet.ToString().ToLowerInvariant()} wallet; readable: spot, margin, usdm, coinm.", nameof(wallet));
        }
    }

    /// <summary>Reads are bulk work (one per source): on top of the client's own edge margin (from the round trips it has
    /// seen, see <see cref="WeightLimiter.EdgeMargin"/>), none is reserved in the last part of a rate window (default 1/20 of it,
    /// at most 1 s), so none reaches the exchange in the next window even when a loaded machine is slower than the round
    /// trips seen so far. A read answered 429 is sent again once after Retry-After by the client (a GET changes nothing).</summary>
    private TimeSpan EdgeGuard => edgeGuard ?? TimeSpan.FromTicks(Math.Min(master.Options.WeightWindow.Ticks / 20, TimeSpan.TicksPerSecond));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static BalanceReadException Fail<T>(Outcome<T> outcome, string what) =>
        new(outcome.Kind, $"The plan could not be made, because {what} ended {outcome.Kind}: {outcome.Describe()}; nothing was moved.");
}
