namespace Ferry.Server.Security;

/// <summary>What an API token may do; each scope includes the ones before it.</summary>
public enum ApiScope
{
    /// <summary>Reads: accounts, balances, history, the journal, the OpenAPI document.</summary>
    Read = 1,

    /// <summary>Also plans (sends nothing) and reconciles the journal against the exchange's own record (sends no transfer).</summary>
    Plan = 2,

    /// <summary>Also executes plans and resumes routes: moves money.</summary>
    Execute = 3,
}
