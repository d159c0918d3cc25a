using Ferry.Engine.Accounts;

namespace Ferry.Engine.Service;

/// <summary>
/// Opens venue sessions for configured accounts. A front end supplies it: the CLI starts the embedded simulator for its
/// built-in account (just one more base address) and closes what it opened; a server would hand out pooled clients.
/// </summary>
public interface IVenueConnector
{
    /// <summary>Opens a session for <paramref name="account"/>; the connector owns it and closes it when disposed.</summary>
    Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct);
}
