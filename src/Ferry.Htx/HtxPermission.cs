namespace Ferry.Htx;

/// <summary>The API-key permission an endpoint needs.</summary>
public enum HtxPermission
{
    /// <summary>Read (every HTX key has it).</summary>
    Read,
    /// <summary>Trade (needed by the spot ⇄ swap transfer).</summary>
    Trade,
}
