namespace Ferry.Simulator.Binance.Handlers;

/// <summary>The endpoint whose committed moves carry <paramref name="Channel"/> in the ledger's history.</summary>
/// <param name="Channel">The history channel, e.g. <c>UNIVERSAL_TRANSFER</c>.</param>
/// <param name="Venue">binance or htx.</param>
/// <param name="Method">The HTTP method, POST for every move.</param>
/// <param name="Path">The endpoint's path, e.g. <c>/sapi/v1/asset/transfer</c>.</param>
internal sealed record MoveChannelEndpoint(string Channel, string Venue, string Method, string Path);
