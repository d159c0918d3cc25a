namespace Ferry.Server.Security;

/// <summary>A token command or file that cannot be used: one sentence, nothing changed.</summary>
public sealed class ApiTokenException(string message, bool badInput) : Exception(message)
{
    /// <summary>True when the caller's input is wrong (a bad name, an unknown token); false for the file or the machine.</summary>
    public bool BadInput { get; } = badInput;
}
