namespace Ferry.Cli.Output.Json;

/// <summary>One asset's total over every wallet shown.</summary>
internal sealed record AssetTotalDocument(string Asset, string Amount);
