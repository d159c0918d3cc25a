using Ferry.Simulator.Htx;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Binance;

namespace Ferry.Simulator;

/// <summary>How to start a <see cref="SimulatorHost"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Seeds a new state. Null starts an empty simulator (no users, no keys); pass
    /// <see cref="ScenarioDocument.Demo"/> for the built-in demo. Ignored when <see cref="StatePath"/> already holds state.</summary>
    public ScenarioDocument? Scenario { get; init; }

    /// <summary>SQLite file that holds the state across runs; null keeps the state in memory only.</summary>
    public string? StatePath { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks any free port (read it back from <see cref="SimulatorHost.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>The clock for server time, timestamps, recvWindow checks and rate windows.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Rate-limit settings.</summary>
    public SimRateLimits RateLimits { get; init; } = new();

    /// <summary>Limits and timestamp tolerance of the HTX side.</summary>
    public HtxSimSettings Htx { get; init; } = new();

    /// <summary>Faults to inject; null uses the scenario's, if any.</summary>
    public Faults.FaultPlan? Faults { get; init; }

    /// <summary>The seed of the fault draws.</summary>
    public int FaultSeed { get; init; }

    /// <summary>How long a request waits for the state file's lock while another process holds it (several processes
    /// may serve one <see cref="StatePath"/>); past it the request is answered "server busy" and nothing executes.
    /// Real time, not <see cref="Time"/>. Default 10 s.</summary>
    public TimeSpan StateLockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Tests only: runs when a signed Binance write has passed its checks and is about to wait for its turn at
    /// the state, e.g. to move a fake clock as a long wait would.</summary>
    internal Action? BeforeStateTurn { get; init; }

    internal SimulatorOptions WithTime(TimeProvider time) => new()
    {
        Scenario = Scenario, StatePath = StatePath, Port = Port, Time = time, RateLimits = RateLimits, Htx = Htx, Faults = Faults, FaultSeed = FaultSeed,
        StateLockTimeout = StateLockTimeout, BeforeStateTurn = BeforeStateTurn,
    };
}
