namespace Ferry.Simulator.Htx;

/// <summary>One simulated HTX endpoint as data: method, path (a <c>{account-id}</c> segment matches a number),
/// envelope, whether the key needs trade permission, its rate bucket and limit, and the handler.</summary>
internal sealed record HtxSimEndpoint(
    string Method, string Path, HtxStyle Style, bool NeedsTrade, string Budget, int Limit, TimeSpan Window,
    Func<HtxRequest, HtxResponse> Handler)
{
    /// <summary>Swap endpoints send the <c>ratelimit-*</c> headers; the others <c>X-HB-RateLimit-*</c>.</summary>
    public bool IsSwap => Style == HtxStyle.Swap;

    /// <summary>True when <paramref name="path"/> matches; <paramref name="argument"/> is the {account-id} segment.</summary>
    public bool Matches(string method, string path, out string? argument)
    {
        argument = null;
        if (Method != method) return false;
        const string slot = "{account-id}";
        var at = Path.IndexOf(slot, StringComparison.Ordinal);
        if (at < 0) return string.Equals(Path, path, StringComparison.Ordinal);
        var prefix = Path[..at];
        var suffix = Path[(at + slot.Length)..];
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)
            || path.Length <= prefix.Length + suffix.Length)
        {
            return false;
        }
        argument = path[prefix.Length..^suffix.Length];
        return !argument.Contains('/');
    }
}
