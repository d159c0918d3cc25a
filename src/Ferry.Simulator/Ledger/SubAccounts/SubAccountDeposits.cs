namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Deposit addresses and the scenario's deposit history of the master's sub-accounts.</summary>
public sealed class SubAccountDeposits
{
    private readonly SubAccountRegister _register;

    internal SubAccountDeposits(SubAccountRegister register) => _register = register;

    /// <summary>The deterministic deposit address of one of the caller's sub-accounts for (coin, network); the network
    /// defaults to <see cref="DepositAddresses.DefaultNetwork"/>.</summary>
    public SubAccountFailure? DepositAddress(string caller, string? email, string coin, string? network, out DepositAddress address)
    {
        address = null!;
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
            address = DepositAddresses.For(user.Email, coin, network ?? DepositAddresses.DefaultNetwork(coin));
            return null;
        }
    }

    /// <summary>The scenario's deposits of one of the caller's sub-accounts, newest first.</summary>
    public SubAccountFailure? Deposits(string caller, string? email, out IReadOnlyList<SimDeposit> deposits)
    {
        deposits = [];
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
            deposits = [.. _register.State.Deposits.Where(d => string.Equals(d.Owner, user.Email, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(d => d.InsertTimeMs).ThenBy(d => d.Id, StringComparer.Ordinal)];
            return null;
        }
    }
}
