using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Microsoft.Extensions.Logging;

namespace Ferry.Engine.Service;

/// <summary>What a <see cref="TransferService"/> is built from: explicit dependencies, no ambient state.</summary>
public sealed record TransferServiceOptions
{
    /// <summary>The account catalog: every account the service may plan for and send with (for the CLI: accounts.json, or
    /// the embedded simulator's built-in accounts when none is configured).</summary>
    public required IReadOnlyList<AccountDefinition> Accounts { get; init; }

    /// <summary>Opens the journal on first use (so a request refused before anything runs writes nothing), awaited: a
    /// journal in a database server is opened without holding a thread.</summary>
    public required Func<CancellationToken, ValueTask<ITransferJournal>> OpenJournal { get; init; }

    /// <summary>False when the caller owns the journal (it stays open when the service is disposed).</summary>
    public bool OwnsJournal { get; init; } = true;

    /// <summary>Reconciliation's windows and pauses (defaults when null); whether it waits out history lag is per call.</summary>
    public ReconcileOptions? Reconcile { get; init; }

    /// <summary>Opens venue sessions for accounts.</summary>
    public required IVenueConnector Venues { get; init; }

    /// <summary>The clock of journal records, route ids and reconciliation.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the service says what it does (sessions it could not open, entries it recovered).</summary>
    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Who asks for the moves this service runs (the CLI's person, the MCP server's agent, an API token); stored
    /// on every leg and judged by the transfer policy.</summary>
    public Policy.Requester Requester { get; init; } = Policy.Requester.Person("local");

    /// <summary>Reads the transfer policy (null result: no policy file, every move allowed); called once, when the first
    /// move is about to be journaled. Null: no policy at all.</summary>
    public Func<Policy.TransferPolicy?>? LoadPolicy { get; init; }

    /// <summary>Told while reconciliation waits out an entry's history lag, so a front end can say what it waits for.</summary>
    public Action<ReconcileWait>? ReconcileWaiting { get; init; }
}
