namespace Ferry.Htx;

/// <summary>The response envelope an endpoint answers with (reference §6.2).</summary>
public enum HtxEnvelope
{
    /// <summary><c>{"status":"ok","data":…}</c>; errors <c>{"status":"error","err-code":"…","err-msg":"…"}</c>.</summary>
    V1,
    /// <summary><c>{"code":200,"message":"…","data":…,"success":true}</c>; errors carry another code.</summary>
    V2,
    /// <summary><c>{"status":"ok","data":…,"ts":…}</c>; errors <c>{"status":"error","err_code":…,"err_msg":"…"}</c>.</summary>
    Swap,
}
