namespace Ferry.Engine.Accounts;

/// <summary>The accounts file or a credential source is wrong; the message is one sentence naming what.</summary>
public sealed class AccountConfigException(string message) : Exception(message);
