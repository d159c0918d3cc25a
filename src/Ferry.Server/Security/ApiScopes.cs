namespace Ferry.Server.Security;

/// <summary>The names of <see cref="ApiScope"/> as the command line and the token file write them.</summary>
public static class ApiScopes
{
    /// <summary>"read", "plan" or "execute".</summary>
    public static string Name(ApiScope scope) => scope.ToString().ToLowerInvariant();

    /// <summary>The scope a name means; null when it is none of read, plan, execute.</summary>
    public static ApiScope? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "read" => ApiScope.Read,
        "plan" => ApiScope.Plan,
        "execute" => ApiScope.Execute,
        _ => null,
    };
}
