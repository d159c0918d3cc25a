using Ferry.Engine.Policy;

namespace Ferry.Server.Security;

/// <summary>Who made a request: the name of the token it carried (or "loopback" when no token is configured) and what it may do.</summary>
/// <param name="Name">The token's name, recorded as who asked.</param>
/// <param name="Scope">What the token may do.</param>
public sealed record ApiCaller(string Name, ApiScope Scope)
{
    /// <summary>Who asks, as the policy and the journal name it: <c>token:NAME</c> (<c>token:loopback</c> without tokens).</summary>
    public Requester Requester => Requester.Token(Name);

    /// <summary>The caller of a server with no token configured: only loopback may call, with every scope.</summary>
    public static ApiCaller Loopback { get; } = new("loopback", ApiScope.Execute);
}
