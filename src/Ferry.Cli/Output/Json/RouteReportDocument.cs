namespace Ferry.Cli.Output.Json;

/// <summary>What a route run (<c>ferry transfer</c> over several legs, <c>ferry journal resume</c>) did, leg by leg.</summary>
internal sealed record RouteReportDocument(string RouteId, string Status, string Holding, int? StoppedAt, IReadOnlyList<RouteReportLegDocument> Legs, string Message);
