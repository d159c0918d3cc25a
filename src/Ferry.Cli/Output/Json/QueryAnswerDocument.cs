using System.Text.Json;

namespace Ferry.Cli.Output.Json;

/// <summary>A query's answer: the exchange's own document under <c>result</c>, serialized by the client's model.</summary>
internal sealed record QueryAnswerDocument(TargetDocument Target, string Outcome, JsonElement Result);
