using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.SubAccount;
using Ferry.Core.Http;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Transfers;

/// <summary>Which endpoint a leg calls; each kind has its own executor branch in <see cref="TransferLegExecutor"/>.</summary>
public enum TransferEndpointKind
{
    /// <summary>POST /sapi/v1/asset/transfer: between one account's own wallets.</summary>
    WalletUniversalTransfer,
    /// <summary>POST /sapi/v1/sub-account/universalTransfer (master key, clientTranId).</summary>
    SubAccountUniversalTransfer,
    /// <summary>POST /sapi/v1/sub-account/margin/transfer (master key; a sub-account's spot ↔ margin).</summary>
    SubAccountMarginTransfer,
    /// <summary>POST /sapi/v1/sub-account/futures/transfer (master key; a sub-account's spot ↔ futures).</summary>
    SubAccountFuturesTransfer,
    /// <summary>POST /sapi/v1/sub-account/futures/internalTransfer (master key; futures ↔ futures of two accounts).</summary>
    SubAccountFuturesInternalTransfer,
    /// <summary>POST /sapi/v1/sub-account/transfer/subToMaster (the sub-account's own key).</summary>
    SubAccountToMaster,
    /// <summary>POST /sapi/v1/sub-account/transfer/subToSub (the sub-account's own key).</summary>
    SubAccountToSubAccount,
    /// <summary>POST /sapi/v1/managed-subaccount/deposit (investor master key).</summary>
    ManagedSubAccountDeposit,
    /// <summary>POST /sapi/v1/managed-subaccount/withdraw (investor master key, optional transferDate).</summary>
    ManagedSubAccountWithdraw,
}

/// <summary>One endpoint call with one account's key: the unit a plan is made of.</summary>
/// <param name="AccountName">The configured account whose key sends this leg.</param>
/// <param name="From">The source wallet, with its owner's email when it is not the key's own account.</param>
/// <param name="To">The target wallet.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">The amount.</param>
public abstract record TransferLeg(string AccountName, WalletAddress From, WalletAddress To, string Asset, decimal Amount) : ITransferPlan
{
    /// <inheritdoc/>
    public LegDescription Describe(string? intent = null) =>
        new(Kind.ToString(), "binance", AccountName, Endpoint, Parameters, From.ToString(), To.ToString(), Asset, Amount, ClientTranId, intent);

    /// <summary>Which endpoint the leg calls.</summary>
    public abstract TransferEndpointKind Kind { get; }

    /// <summary>The client's endpoint row.</summary>
    public abstract BinanceEndpoint EndpointRow { get; }

    /// <summary>"POST /sapi/v1/...".</summary>
    public string Endpoint => EndpointRow.ToString();

    /// <summary>The request parameters as they will be sent, in wire order (without timestamp and signature): the client
    /// request's own list, so the journal stores exactly what goes out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => WireRequest.WireParameters();

    /// <summary>The client request that performs the leg.</summary>
    public abstract IWireRequest WireRequest { get; }

    /// <summary>A short name of what the leg does, e.g. MAIN_UMFUTURE or "SPOT → USDT_FUTURE".</summary>
    public abstract string Summary { get; }

    /// <summary>The caller-chosen id sent with the leg, when its endpoint takes one.</summary>
    public virtual string? ClientTranId => null;
}

/// <summary>A move between one account's own wallets (the existing wallet path).</summary>
public sealed record WalletTransferLeg(WalletTransferPlan Plan)
    : TransferLeg(Plan.AccountName, Plan.From, Plan.To, Plan.Asset, Plan.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.WalletUniversalTransfer;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.UniversalTransfer;
    public override IWireRequest WireRequest => Plan.ToRequest();
    public override string Summary => Plan.TransferTypeName;
}

/// <summary>A sub-account universal transfer sent with the master's key.</summary>
public sealed record SubAccountUniversalTransferLeg(
    string AccountName, WalletAddress From, WalletAddress To, SubAccountUniversalTransferRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.SubAccountUniversalTransfer;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.SubAccountUniversalTransfer;
    public override string Summary => $"{Request.FromAccountType.WireName()} → {Request.ToAccountType.WireName()}";
    public override string? ClientTranId => Request.ClientTranId;
    public override IWireRequest WireRequest => Request;
}

/// <summary>A sub-account's spot ↔ cross margin, sent with the master's key.</summary>
public sealed record SubAccountMarginTransferLeg(
    string AccountName, WalletAddress From, WalletAddress To, SubAccountMarginTransferRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.SubAccountMarginTransfer;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.SubAccountMarginTransfer;
    public override string Summary => $"margin transfer type {(int)Request.Type}";
    public override IWireRequest WireRequest => Request;
}

/// <summary>A sub-account's spot ↔ futures, sent with the master's key.</summary>
public sealed record SubAccountFuturesTransferLeg(
    string AccountName, WalletAddress From, WalletAddress To, SubAccountFuturesTransferRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.SubAccountFuturesTransfer;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.SubAccountFuturesTransfer;
    public override string Summary => $"futures transfer type {(int)Request.Type}";
    public override IWireRequest WireRequest => Request;
}

/// <summary>Futures wallet to the same kind of futures wallet of another family account, sent with the master's key.</summary>
public sealed record SubAccountFuturesInternalTransferLeg(
    string AccountName, WalletAddress From, WalletAddress To, SubAccountFuturesInternalTransferRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.SubAccountFuturesInternalTransfer;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.SubAccountFuturesInternalTransfer;
    public override string Summary => $"futures internal transfer type {(int)Request.FuturesType}";
    public override IWireRequest WireRequest => Request;
}

/// <summary>A sub-account's spot to its master's spot, sent with the sub-account's own key.</summary>
public sealed record SubAccountToMasterLeg(string AccountName, WalletAddress From, WalletAddress To, SubAccountToMasterRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.SubAccountToMaster;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.SubAccountToMaster;
    public override string Summary => "sub-account to master";
    public override IWireRequest WireRequest => Request;
}

/// <summary>A sub-account's spot to a sibling's spot, sent with the sub-account's own key.</summary>
public sealed record SubAccountToSubAccountLeg(string AccountName, WalletAddress From, WalletAddress To, SubAccountToSubAccountRequest Request)
    : TransferLeg(AccountName, From, To, Request.Asset, Request.Amount)
{
    public override TransferEndpointKind Kind => TransferEndpointKind.SubAccountToSubAccount;
    public override BinanceEndpoint EndpointRow => BinanceEndpoints.SubAccountToSubAccount;
    public override string Summary => "sub-account to sub-account";
    public override IWireRequest WireRequest => Request;
}

/// <summary>A planned move: the route of legs the router chose, in the order they must run (each leg
/// only after the previous one is done).</summary>
public sealed record TransferPlan(TransferRequest Request, IReadOnlyList<TransferLeg> Legs)
{
    /// <summary>The IP weight the route spends: the sum of its legs' endpoint rows.</summary>
    public int IpWeight => Legs.Sum(l => l.EndpointRow.IpWeight);

    /// <summary>The UID weight the route spends: the sum of its legs' endpoint rows.</summary>
    public int UidWeight => Legs.Sum(l => l.EndpointRow.UidWeight);

    /// <summary>The wallets the money passes through between the first and the last leg (empty for one leg).</summary>
    public IReadOnlyList<WalletAddress> Intermediates => Legs.Skip(1).Select(l => l.From).ToList();
}
