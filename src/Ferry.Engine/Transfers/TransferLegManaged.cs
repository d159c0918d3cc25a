using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Core.Http;

namespace Ferry.Engine.Transfers;

/// <summary>Builds the managed sub-account legs: moves between the investor master's spot and a managed
/// sub-account's spot, sent with the investor's key. They run through <see cref="TransferLegExecutor"/> like every leg.</summary>
public static class ManagedSubAccountLegs
{
    /// <summary>The investor's spot → <paramref name="managedEmail"/>'s spot. Throws <see cref="TransferPlanningException"/>
    /// with one sentence when the request is bad (nothing is sent).</summary>
    public static ManagedSubAccountDepositLeg Deposit(string accountName, string? investorEmail, string managedEmail, string asset, decimal amount)
    {
        var request = new ManagedSubAccountDepositRequest(managedEmail, asset, amount);
        if (request.Validate() is { } problem) throw new TransferPlanningException(problem);
        return new ManagedSubAccountDepositLeg(accountName, Spot(investorEmail), Spot(managedEmail), request);
    }

    /// <summary><paramref name="managedEmail"/>'s spot → the investor's spot, now or on <paramref name="transferDate"/> (UTC).</summary>
    public static ManagedSubAccountWithdrawLeg Withdraw(string accountName, string? investorEmail, string managedEmail, string asset, decimal amount,
        DateTimeOffset? transferDate)
    {
        var request = new ManagedSubAccountWithdrawRequest(managedEmail, asset, amount) { TransferDate = transferDate };
        if (request.Validate() is { } problem) throw new TransferPlanningException(problem);
        return new ManagedSubAccountWithdrawLeg(accountName, Spot(managedEmail), Spot(investorEmail), request);
    }

    private static WalletAddress Spot(string? email) => new(Venue.Binance, email, WalletKind.Spot, null);
}

/// <summary>POST /sapi/v1/managed-subaccount/deposit, sent with the investor master's key.</summary>
public sealed record ManagedSubAccountDepositLeg(string AccountName, WalletAddress From, WalletAddress To, ManagedSubAccountDepositRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.ManagedSubAccountDeposit;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.ManagedSubAccountDeposit;
    public override string Summary => "deposit into managed sub-account";
    public override IWireRequest WireRequest => Request;
}

/// <summary>POST /sapi/v1/managed-subaccount/withdraw, sent with the investor master's key; a transferDate schedules it.</summary>
public sealed record ManagedSubAccountWithdrawLeg(string AccountName, WalletAddress From, WalletAddress To, ManagedSubAccountWithdrawRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.ManagedSubAccountWithdraw;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.ManagedSubAccountWithdraw;

    public override string Summary => Request.TransferDate is { } date
        ? $"withdraw from managed sub-account on {date.UtcDateTime:yyyy-MM-dd} (UTC)"
        : "withdraw from managed sub-account";
    public override IWireRequest WireRequest => Request;
}
