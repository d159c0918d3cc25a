namespace Ferry.Engine.Work;

/// <summary>What one worker run did: units it finished by final state, units it handed back, and holds it lost to
/// another worker (their completion refused; the next holder finishes them).</summary>
public sealed record WorkRunSummary(int Done, int Failed, int Unknown, int HandedBack, int Lost)
{
    /// <summary>Units this run brought to a final state.</summary>
    public int Finished => Done + Failed + Unknown;
}
