using Ferry.Engine.Execution;
using Ferry.Engine.Addresses;
using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;
using Ferry.Htx;

namespace Ferry.Engine.Service;

/// <summary>An HTX account's session: spot ⇄ swap legs, reconciled against the spot ledger.</summary>
public sealed class HtxVenueSession(AccountDefinition account, HtxClient client) : IVenueSession
{
    /// <inheritdoc/>
    public AccountDefinition Account { get; } = account;

    /// <summary>The account's client.</summary>
    public HtxClient Client { get; } = client;

    /// <inheritdoc/>
    public ILegReconciler Reconciler { get; } = new HtxLegReconciler(client,
        account.Environment == AccountEnvironment.Sim ? HtxLegReconciler.SimulatorTimestampTolerance : HtxLegReconciler.ExchangeTimestampTolerance);

    /// <inheritdoc/>
    public Task<LegSendResult> SendAsync(ITransferPlan leg, CancellationToken ct) => leg is HtxTransferPlan htx
        ? HtxTransferExecutor.ExecuteAsync(Client, htx, ct)
        : throw new ArgumentException($"An HTX session cannot send a {leg.Venue.Display()} leg.", nameof(leg));
}
