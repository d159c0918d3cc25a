using Ferry.Core.Outcomes;
using Ferry.Htx;
using Ferry.Htx.Accounts;
using Ferry.Htx.Models;

namespace Ferry.Engine.Balances;

/// <summary>An HTX account's balances from its four endpoints: the spot accounts and their trade/frozen rows, the cross
/// margin account and the isolated margin accounts of the USDT-margined swap.</summary>
public static class HtxBalanceReader
{
    public static async Task<BalanceRead> ReadAsync(HtxClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rows = new List<WalletBalance>();
        var accounts = await client.Accounts.GetAccountsAsync(ct).ConfigureAwait(false);
        if (accounts is not Done<IReadOnlyList<HtxAccount>> found) return Failed(accounts, "the accounts");
        foreach (var account in found.Value.Where(a => a.Type == "spot"))
        {
            var balance = await client.Accounts.GetBalanceAsync(new AccountBalanceQuery(account.Id), ct).ConfigureAwait(false);
            if (balance is not Done<HtxAccountBalance> spot) return Failed(balance, "the spot balance");
            foreach (var currency in spot.Value.List.GroupBy(r => r.Currency.ToUpperInvariant()))
            {
                var trade = currency.Where(r => r.Type == "trade").Sum(r => r.Balance);
                var frozen = currency.Where(r => r.Type == "frozen").Sum(r => r.Balance);
                if (trade != 0 || frozen != 0) rows.Add(new WalletBalance("htx:spot", currency.Key, trade + frozen, trade, frozen));
            }
        }

        var cross = await client.Swap.GetCrossAccountsAsync(null, ct).ConfigureAwait(false);
        if (cross is not Done<IReadOnlyList<HtxCrossAccount>> crossDone) return Failed(cross, "the cross margin account");
        rows.AddRange(crossDone.Value.Where(a => a.MarginBalance != 0)
            .Select(a => new WalletBalance("htx:swap", a.MarginAsset, a.MarginBalance, a.WithdrawAvailable, a.MarginFrozen)));
        var isolated = await client.Swap.GetIsolatedAccountsAsync(null, ct).ConfigureAwait(false);
        if (isolated is not Done<IReadOnlyList<HtxIsolatedAccount>> isolatedDone) return Failed(isolated, "the isolated margin accounts");
        rows.AddRange(isolatedDone.Value.Where(a => a.MarginBalance != 0)
            .Select(a => new WalletBalance($"htx:swap:{a.ContractCode}", a.MarginAsset, a.MarginBalance, a.WithdrawAvailable, a.MarginFrozen)));
        return new BalanceRead(new Done<IReadOnlyList<WalletBalance>>(rows), null);
    }

    private static BalanceRead Failed<T>(Outcome<T> outcome, string what) =>
        new(outcome.Map<IReadOnlyList<WalletBalance>>(_ => []), what);
}
