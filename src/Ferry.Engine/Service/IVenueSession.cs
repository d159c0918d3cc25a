using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Service;

/// <summary>
/// An open connection to one configured account on its venue: it sends that venue's legs with the account's key and reads
/// the exchange's own record of them. The <see cref="TransferService"/> sends and reconciles only through these, so it
/// never decides which venue's client to call.
/// </summary>
public interface IVenueSession
{
    /// <summary>The account whose key this session uses.</summary>
    AccountDefinition Account { get; }

    /// <summary>Sends one leg (of this session's venue) once and states what came back; it never resends.</summary>
    Task<LegSendResult> SendAsync(ITransferPlan leg, CancellationToken ct);

    /// <summary>Reads the exchange's record of this account's legs, for reconciliation.</summary>
    ILegReconciler Reconciler { get; }
}
