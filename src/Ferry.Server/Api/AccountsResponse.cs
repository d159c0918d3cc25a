namespace Ferry.Server.Api;

/// <summary>Every account the server may use.</summary>
public sealed record AccountsResponse(IReadOnlyList<AccountResponse> Accounts);
