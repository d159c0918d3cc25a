namespace Ferry.Htx;

/// <summary>Which of HTX's two production hosts serves an endpoint.</summary>
public enum HtxHost
{
    /// <summary>Spot, v1 and v2 account endpoints: <c>api.huobi.pro</c> (or <c>api-aws.huobi.pro</c>).</summary>
    Spot,
    /// <summary>USDT-margined swap endpoints (<c>/linear-swap-api/...</c>): <c>api.hbdm.com</c>.</summary>
    Swap,
}
