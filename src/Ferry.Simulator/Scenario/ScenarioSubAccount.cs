namespace Ferry.Simulator.Scenario;

/// <summary>A sub-account of the scenario's master, with the products it has enabled.</summary>
public sealed record ScenarioSubAccount(string Email, bool Futures, bool Margin, bool Options)
{
    /// <summary>Whether the sub-account is frozen (<c>isFreeze</c> in the list endpoint).</summary>
    public bool Frozen { get; init; }

    /// <summary>The master's remark for the sub-account ("" when none).</summary>
    public string Remark { get; init; } = "";
}
