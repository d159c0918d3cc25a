namespace Ferry.Simulator.Htx;

/// <summary>The three HTX response envelopes.</summary>
public enum HtxStyle
{
    /// <summary><c>{"status":"error","err-code":"…","err-msg":"…","data":null}</c>.</summary>
    V1,
    /// <summary><c>{"code":…,"data":null,"message":"…","success":false}</c>.</summary>
    V2,
    /// <summary><c>{"status":"error","err_code":…,"err_msg":"…","ts":…}</c>.</summary>
    Swap,
}
