namespace Ferry.Simulator.Htx;

/// <summary>What an HTX handler returns: HTTP status and body.</summary>
internal sealed record HtxResponse(int Status, byte[] Body)
{
    public static HtxResponse Ok(byte[] body) => new(200, body);

    public static HtxResponse Fail(HtxError error, long nowMs) => new(error.HttpStatus, HtxJson.Error(error, nowMs));
}
