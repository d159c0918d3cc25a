namespace Ferry.Cli.Output.Json;

/// <summary>A worker that holds units now, and those units.</summary>
internal sealed record WorkerHoldDocument(string Worker, int Pid, string Host, IReadOnlyList<HeldUnitDocument> Units);
