namespace Ferry.Core.Telemetry;

/// <summary>
/// The names of Ferry's <see cref="System.Diagnostics.ActivitySource"/>s and <see cref="System.Diagnostics.Metrics.Meter"/>s
/// (each library's source and meter share its name), for an OpenTelemetry set-up: <c>AddSource("Ferry.*")</c>,
/// <c>AddMeter("Ferry.*")</c>. Tags carry endpoints, weights, outcomes and journal ids, never a key or a signature.
/// </summary>
public static class FerryTelemetry
{
    /// <summary>The Binance client's activity source and meter.</summary>
    public const string BinanceName = "Ferry.Binance";

    /// <summary>The HTX client's activity source and meter.</summary>
    public const string HtxName = "Ferry.Htx";

    /// <summary>The transfer engine's activity source and meter (legs, reconciliation).</summary>
    public const string EngineName = "Ferry.Engine";
}
