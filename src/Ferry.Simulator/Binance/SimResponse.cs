namespace Ferry.Simulator.Binance;

/// <summary>What a handler returns: an HTTP status and a JSON body.</summary>
internal sealed record SimResponse(int Status, byte[] Body)
{
    public static SimResponse Ok(byte[] body) => new(200, body);

    public static SimResponse Fail(BinanceError error) => new(error.HttpStatus, JsonBody.Error(error));
}
