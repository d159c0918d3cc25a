namespace Ferry.Engine.Accounts;

/// <summary>FERRY_HOME cannot serve as Ferry's folder (it is a file, or Ferry cannot create or write in it); one sentence naming it.</summary>
public sealed class FerryHomeException(string message) : Exception(message);
