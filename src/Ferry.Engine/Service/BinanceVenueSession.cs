using Ferry.Engine.Execution;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Service;

/// <summary>A Binance account's session: legs go out through <see cref="TransferLegExecutor"/>, and Binance's history
/// lists a transfer under the id its answer returned, so that id is also the history row id.</summary>
public sealed class BinanceVenueSession(AccountDefinition account, BinanceClient client) : IVenueSession
{
    /// <inheritdoc/>
    public AccountDefinition Account { get; } = account;

    /// <summary>The account's client (one weight limiter per key).</summary>
    public BinanceClient Client { get; } = client;

    /// <inheritdoc/>
    public ILegReconciler Reconciler { get; } = new BinanceLegReconciler(client);

    /// <inheritdoc/>
    public Task<LegSendResult> SendAsync(ITransferPlan leg, CancellationToken ct) => leg is TransferLeg binance
        ? TransferLegExecutor.ExecuteAsync(Client, binance, ct)
        : throw new ArgumentException($"A Binance session cannot send a {leg.Venue.Display()} leg.", nameof(leg));
}
