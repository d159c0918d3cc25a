namespace Ferry.Engine.Service;

/// <summary>The service refuses to run a plan here (e.g. a testnet that serves no transfer endpoints); nothing was sent.</summary>
public sealed class TransferRefusedException(string message) : Exception(message);
