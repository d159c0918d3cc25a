namespace Ferry.Engine.Policy;

/// <summary>The policy file is not valid: one sentence naming the line and the field. Nothing runs under a policy that
/// cannot be read.</summary>
public sealed class PolicyFileException(string message, int line, bool unreadable = false) : Exception(message)
{
    /// <summary>The line of the file the problem is on (1 when it is the whole file).</summary>
    public int Line { get; } = line;

    /// <summary>True when the file could not be read at all (a folder, a FIFO, too large, no permission): a problem of
    /// the machine rather than of the file's text.</summary>
    public bool Unreadable { get; } = unreadable;
}
