namespace Ferry.Server.Api;

/// <summary>The balances read through one venue connection: a configured account, or a simulator (every simulated account, marked <c>simulator</c>).</summary>
public sealed record BalanceSourceResponse(IReadOnlyList<string> Accounts, string Venue, string Environment, bool Simulator,
    IReadOnlyList<BalanceRowResponse> Rows, IReadOnlyList<UnreadWalletResponse> Unread);
