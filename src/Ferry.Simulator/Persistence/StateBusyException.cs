namespace Ferry.Simulator.Persistence;

/// <summary>The state file's lock could not be had within the bound (another process held it): nothing was read or
/// changed, and each venue answers the request with its own "busy, try again" error.</summary>
internal sealed class StateBusyException(TimeSpan waited)
    : Exception($"The simulator state file stayed locked by another process for {waited.TotalMilliseconds:0} ms.");
