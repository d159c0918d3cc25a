namespace Ferry.Server;

/// <summary>The server cannot start as asked (an address it may not or cannot listen on): one sentence, nothing started.</summary>
public sealed class ServerStartException(string message, bool badInput) : Exception(message)
{
    /// <summary>True when the address given is wrong; false when the configuration or the machine refuses it.</summary>
    public bool BadInput { get; } = badInput;
}
