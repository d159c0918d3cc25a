namespace Ferry.Cli.Commands;

/// <summary>
/// What <c>ferry sweep</c> was asked for, as typed (checked by <see cref="SweepCommand.Prepare"/>). The MCP tool
/// plan_sweep gives the first eight; the run's own options keep their command-line defaults there.
/// </summary>
internal sealed record SweepOptions(string Asset, string To, bool FromAllSubaccounts, IReadOnlyList<string>? From, string Wallet, string? Min,
    string? Keep, string? Account)
{
    /// <summary>Moves in flight at once (--parallel, 1-64).</summary>
    public int Parallel { get; init; } = 16;

    public bool DryRun { get; init; }

    /// <summary>Consent to a mainnet sweep without the interactive prompt (--confirm).</summary>
    public bool Confirm { get; init; }

    public bool Json { get; init; }

    /// <summary>Queue the planned moves for workers instead of running them (--queue).</summary>
    public bool Queue { get; init; }
}
