namespace Ferry.Simulator.Binance;

/// <summary>Where a simulated behaviour came from, so a reader knows how far to trust it.</summary>
public enum Provenance
{
    /// <summary>Binance's documentation says so.</summary>
    Documented,
    /// <summary>A real response quoted in a public issue.</summary>
    Observed,
    /// <summary>The simulator chose it; no source confirms it.</summary>
    Assumed,
}
