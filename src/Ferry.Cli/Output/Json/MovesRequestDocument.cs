using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>The arguments a sweep or rebalance plan tool read (nothing secret), written in the shape of the kind it is.</summary>
[JsonDerivedType(typeof(SweepRequestDocument))]
[JsonDerivedType(typeof(RebalanceRequestDocument))]
internal abstract record MovesRequestDocument;
