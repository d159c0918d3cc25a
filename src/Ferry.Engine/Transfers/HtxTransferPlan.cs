using Ferry.Htx;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Htx.Transfers;
using Ferry.Core.Http;

namespace Ferry.Engine.Transfers;

/// <summary>
/// One call of HTX's <c>POST /v2/account/transfer</c>: spot ⇄ a USDT-margined swap margin account (cross "USDT", or an
/// isolated contract such as BTC-USDT) of one HTX account.
/// </summary>
public sealed record HtxTransferPlan(string AccountName, WalletAddress From, WalletAddress To, string Asset, decimal Amount, string MarginAccount)
    : ITransferPlan
{
    /// <summary>True when money goes from spot into the swap margin account.</summary>
    public bool IntoSwap => From.Wallet == WalletKind.HtxSpot;

    /// <summary>The direction as HTX's ledger names it: spot-to-linear-swap or linear-swap-to-spot.</summary>
    public string Direction => IntoSwap ? "spot-to-linear-swap" : "linear-swap-to-spot";

    /// <summary>True for the cross margin account ("USDT"), false for an isolated contract.</summary>
    public bool Cross => MarginAccount == "USDT";

    /// <summary>The client request that performs this leg.</summary>
    public SpotSwapTransferRequest ToRequest() =>
        IntoSwap ? SpotSwapTransferRequest.ToSwap(Asset, Amount, MarginAccount) : SpotSwapTransferRequest.ToSpot(Asset, Amount, MarginAccount);

    /// <inheritdoc/>
    public string Endpoint => HtxEndpoints.SpotSwapTransfer.ToString();

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => ((IWireRequest)ToRequest()).WireParameters();

    /// <summary>The journal's kind name of an HTX spot ⇄ swap leg.</summary>
    public const string JournalKind = "HtxSpotSwapTransfer";

    /// <inheritdoc/>
    public LegDescription Describe(string? intent = null) =>
        new(JournalKind, "htx", AccountName, Endpoint, Parameters, From.ToString(), To.ToString(), Asset, Amount, null, intent);
}
