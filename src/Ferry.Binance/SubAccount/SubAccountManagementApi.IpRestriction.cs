using Ferry.Binance.Models;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.SubAccount;

/// <summary>The IP-restriction family (UID 3000 each): a sub-account key used from an address not on its list is refused
/// by Binance with -2015.</summary>
public sealed partial class SubAccountManagementApi
{
    /// <summary>POST /sapi/v2/sub-account/subAccountApi/ipRestriction: set the status and add trusted IPs. Not resent on Unknown.</summary>
    public Task<Outcome<SubAccountIpRestriction>> SetIpRestrictionAsync(SubAccountIpRestrictionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SetSubAccountIpRestriction, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.SubAccountIpRestriction, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/subAccountApi/ipRestriction.</summary>
    public Task<Outcome<SubAccountIpRestriction>> GetIpRestrictionAsync(SubAccountApiKeyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.GetSubAccountIpRestriction, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountIpRestriction, cancellationToken);
    }

    /// <summary>DELETE /sapi/v1/sub-account/subAccountApi/ipRestriction/ipList: remove trusted IPs. Not resent on Unknown.</summary>
    public Task<Outcome<SubAccountIpRestriction>> DeleteIpListAsync(SubAccountIpDeleteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.DeleteSubAccountIpList, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.SubAccountIpRestriction, cancellationToken);
    }
}
