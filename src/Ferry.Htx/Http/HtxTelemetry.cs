using Ferry.Core.Telemetry;

namespace Ferry.Htx.Http;

/// <summary>The HTX client's activity source and meter (<see cref="FerryTelemetry.HtxName"/>), one per process.</summary>
internal static class HtxTelemetry
{
    public static readonly VenueInstrumentation Instrumentation = new(FerryTelemetry.HtxName, "htx");
}
