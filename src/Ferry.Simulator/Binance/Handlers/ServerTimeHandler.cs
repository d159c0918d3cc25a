namespace Ferry.Simulator.Binance.Handlers;

/// <summary>GET /api/v3/time: {"serverTime": ms} from the injected clock.</summary>
internal static class ServerTimeHandler
{
    public static SimResponse Handle(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("serverTime", r.NowMs);
        w.WriteEndObject();
    }));
}
