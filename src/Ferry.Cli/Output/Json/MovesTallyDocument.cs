namespace Ferry.Cli.Output.Json;

/// <summary>How many moves were planned, skipped and ended each way, and the weight they spend.</summary>
internal record MovesTallyDocument(int Planned, int Skipped, int Done, int Rejected, int Unknown, int NotSent, int UidWeight, int IpWeight);
