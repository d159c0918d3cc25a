namespace Ferry.Engine.Accounts;

/// <summary>Where an account's requests go; only <see cref="Mainnet"/> moves real money.</summary>
public enum AccountEnvironment
{
    Mainnet,
    Testnet,
    Sim,
}
