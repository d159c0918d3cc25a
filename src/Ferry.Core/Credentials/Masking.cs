namespace Ferry.Core.Credentials;

/// <summary>The masking rules of the source documents: API key first 5 + last 4, secret *** + last 5.</summary>
public static class Masking
{
    /// <summary>Shows the first five and last four characters of an API key, e.g. "su1Qc...8akf".</summary>
    public static string ApiKey(string apiKey) =>
        apiKey.Length <= 9 ? new string('*', apiKey.Length) : $"{apiKey[..5]}...{apiKey[^4..]}";

    /// <summary>Shows only the last five characters of a secret, e.g. "***...aws1".</summary>
    public static string Secret(string secret)
    {
        // A PEM key ends in a fixed footer; its last five characters would reveal nothing useful,
        // but they are also no secret, so the rule is applied as written.
        var trimmed = secret.TrimEnd();
        return trimmed.Length <= 10 ? "***" : $"***...{trimmed[^5..]}";
    }
}
