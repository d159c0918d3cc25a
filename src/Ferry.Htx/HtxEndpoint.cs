namespace Ferry.Htx;

/// <summary>
/// One HTX endpoint as data (design principle 4): the limiter, the docs' coverage table and the CLI read these
/// rows; nothing else in the client repeats a path or a limit.
/// </summary>
/// <param name="Name">A short stable name, e.g. "SpotSwapTransfer".</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The path; <c>{account-id}</c> is filled from the request.</param>
/// <param name="Host">Which base address serves it.</param>
/// <param name="Envelope">The response envelope it answers with.</param>
/// <param name="Permission">The key permission it needs.</param>
/// <param name="Budget">The rate budget it draws from; endpoints naming the same budget share it.</param>
/// <param name="RequestsPerWindow">How many requests the budget allows per <paramref name="Window"/>.</param>
/// <param name="Window">The budget's window.</param>
/// <param name="Source">Where the limit comes from (reference tag), so a reader knows what to trust.</param>
public sealed record HtxEndpoint(
    string Name,
    HttpMethod Method,
    string Path,
    HtxHost Host,
    HtxEnvelope Envelope,
    HtxPermission Permission,
    string Budget,
    int RequestsPerWindow,
    TimeSpan Window,
    string Source)
{
    /// <summary>The position of the endpoint in <see cref="HtxEndpoints.All"/>.</summary>
    public int Id { get; init; }

    /// <summary>"POST /v2/account/transfer".</summary>
    public override string ToString() => $"{Method.Method} {Path}";
}
