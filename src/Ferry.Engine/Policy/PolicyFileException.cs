namespace Ferry.Engine.Policy;

/// <summary>The policy file is not valid: one sentence naming the line and the field. Nothing runs under a policy that
/// cannot be read.</summary>
public sealed class PolicyFileException(string message, int line) : Exception(message)
{
    /// <summary>The line of the file the problem is on (1 when it is the whole file).</summary>
    public int Line { get; } = line;
}
