using Ferry.Engine.Accounts;

namespace Ferry.Engine.Routing;

/// <summary>What the router knows of one configured key: its account name, whose key it is (email), whether it is a
/// sub-account's key (then <see cref="MasterEmail"/> names the master) and, for a master, the sub-accounts it may route to.</summary>
public sealed record RoutingAccount(string Name, string? Email, string? MasterEmail = null, IReadOnlyList<string>? SubAccounts = null)
{
    /// <summary>True for a key that belongs to a sub-account.</summary>
    public bool IsSubAccountKey => MasterEmail is not null;

    /// <summary>The routing view of a configured account.</summary>
    public static RoutingAccount Of(AccountDefinition account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Name, account.Email, account.MasterEmail, account.SubAccounts);
    }
}
