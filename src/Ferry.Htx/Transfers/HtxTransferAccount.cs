namespace Ferry.Htx.Transfers;

/// <summary>The two sides of POST /v2/account/transfer.</summary>
public enum HtxTransferAccount
{
    /// <summary>The spot account ("spot").</summary>
    Spot,
    /// <summary>The USDT-margined swap account ("linear-swap"); which margin account says the request's MarginAccount.</summary>
    LinearSwap,
}
