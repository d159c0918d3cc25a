using System.Globalization;
using Ferry.Htx.Http;

namespace Ferry.Htx.Accounts;

/// <summary>A GET /v1/account/accounts/{account-id}/balance.</summary>
/// <param name="AccountId">The account id from GET /v1/account/accounts.</param>
public sealed record AccountBalanceQuery(long AccountId) : IHtxParameters
{
    internal string? Validate() => AccountId > 0 ? null : $"account-id must be a positive account id, not {AccountId}.";

    string? IHtxParameters.PathArgument => AccountId.ToString(CultureInfo.InvariantCulture);
}
