namespace Ferry.Engine.Transfers;

/// <summary>A move that cannot be planned; the message is one sentence naming the problem.</summary>
public sealed class TransferPlanningException(string message) : Exception(message);
