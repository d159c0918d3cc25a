namespace Ferry.Core.Product;

/// <summary>
/// Who Ferry is on the wire: every venue client sends <see cref="UserAgent"/> so an exchange can see
/// which software made a request and where to read about it.
/// </summary>
public static class FerryProduct
{
    /// <summary>
    /// Where Ferry's source and documentation live; named in the User-Agent so an exchange operator can look us up.
    /// UNVERIFIED: the project had no published address when this was written; change it here (one place) on publishing.
    /// </summary>
    public const string Address = "https://github.com/ferry-dotnet/ferry";

    /// <summary>The product version, e.g. "0.1.0" (from the assembly version).</summary>
    public static string Version { get; } = typeof(FerryProduct).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>"ferry/0.1.0 (+https://...)": product token, version, and the address in the usual "+URL" comment form.</summary>
    public static string UserAgent { get; } = $"ferry/{Version} (+{Address})";
}
