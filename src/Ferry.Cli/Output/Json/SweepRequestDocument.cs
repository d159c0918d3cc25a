namespace Ferry.Cli.Output.Json;

/// <summary>plan_sweep's arguments: the asset, where it goes, the sources, their wallet, the minimum and what each keeps.</summary>
internal sealed record SweepRequestDocument(string Asset, string To, SweepSourcesValue From, string Wallet, string Min, string Keep) : MovesRequestDocument;
