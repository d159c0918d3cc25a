using Ferry.Core.Telemetry;

namespace Ferry.Binance.Http;

/// <summary>The Binance client's activity source and meter (<see cref="FerryTelemetry.BinanceName"/>), one per process.</summary>
internal static class BinanceTelemetry
{
    public static readonly VenueInstrumentation Instrumentation = new(FerryTelemetry.BinanceName, "binance");
}
