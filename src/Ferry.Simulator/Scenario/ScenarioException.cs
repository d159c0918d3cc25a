namespace Ferry.Simulator.Scenario;

/// <summary>A scenario that cannot be used; the message is one sentence naming the bad field.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ScenarioException(string message, Exception inner) : base(message, inner) { }
}
