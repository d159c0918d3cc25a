using Ferry.Engine.Accounts;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddFerry</c> builds the engine's <see cref="Ferry.Engine.Service.TransferService"/> from, checked when the host
/// starts. Accounts are set in code (they hold credentials: read them from a key file or a secret store, not appsettings).
/// </summary>
public sealed class FerryEngineOptions
{
    /// <summary>Every account the engine may plan for and send with.</summary>
    public IList<AccountDefinition> Accounts { get; } = [];

    /// <summary>The journal's SQLite file (created on first use); every move is written there before it is sent.</summary>
    public string? JournalPath { get; set; }

    /// <summary>The name of the program that asks for the moves (a token requester), journaled on every leg and judged by a transfer policy.</summary>
    public string Requester { get; set; } = "service";
}
