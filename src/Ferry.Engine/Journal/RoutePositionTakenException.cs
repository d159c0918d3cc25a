namespace Ferry.Engine.Journal;

/// <summary>A route position already has a live entry (planned, sending, unknown, done or not-executed): the schema
/// allows one, so a second writer of the same leg is refused and nothing is sent.</summary>
public sealed class RoutePositionTakenException(string routeId, int position)
    : InvalidOperationException($"Route {routeId} already has a live entry at leg {position}; another ferry is working on it or has done it, so nothing was sent.")
{
    public string RouteId { get; } = routeId;
    public int Position { get; } = position;
}
