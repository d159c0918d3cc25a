using Ferry.Core.Credentials;

namespace Ferry.Engine.Accounts;

/// <summary>One account read from a TOOLS.md file; the optional fields are Ferry's additions to the layout.</summary>
public sealed record ToolsMarkdownAccount(string Name, string ApiKey, SecretText Secret, string? Description,
    string? Environment, string? Signing, string? Email)
{
    /// <summary>Masked: the generated record printer would otherwise print the API key whole.</summary>
    public override string ToString() => $"{Name}: key {Masking.ApiKey(ApiKey)}, secret {Secret}";
}

/// <summary>
/// Reads the account layout the source documents give for <c>TOOLS.md</c>:
/// <code>
/// ## Binance Accounts
/// ### main
/// - API Key: ...
/// - Secret: ...
/// - Description: Primary trading account
/// </code>
/// Ferry also reads <c>- Environment:</c> (mainnet, testnet, sim), <c>- Signing:</c> (hmac, rsa, ed25519; for
/// rsa and ed25519 the Secret line is the path of the PEM private key, as in a key file) and <c>- Email:</c>.
/// Other <c>##</c> sections are skipped. Errors name the line, never a value.
/// </summary>
public static class ToolsMarkdown
{
    public static IReadOnlyList<ToolsMarkdownAccount> Parse(string text, string fileName)
    {
        var accounts = new List<ToolsMarkdownAccount>();
        var inBinance = false;
        var sawBinance = false;
        Draft? current = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var lineNumber = i + 1;
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Finish(current, accounts, fileName);
                current = null;
                inBinance = string.Equals(line[3..].Trim(), "Binance Accounts", StringComparison.OrdinalIgnoreCase);
                sawBinance |= inBinance;
                continue;
            }
            if (!inBinance) continue;
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Finish(current, accounts, fileName);
                current = new Draft(Unquote(line[4..]), lineNumber);
                continue;
            }
            if (!(line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var field = line[2..colon].Trim().Trim('*').Trim().ToLowerInvariant();
            var value = Unquote(line[(colon + 1)..]);
            if (current is null)
                throw new AccountConfigException($"{fileName} line {lineNumber}: '{field}' appears before any '### <name>' heading.");
            switch (field)
            {
                case "api key": current.ApiKey = value; current.ApiKeyLine = lineNumber; break;
                case "secret": current.Secret = value; current.SecretLine = lineNumber; break;
                case "description": current.Description = value; break;
                case "environment": current.Environment = value; break;
                case "signing": current.Signing = value; break;
                case "email": current.Email = value; break;
                default: break; // other notes about the account are the user's, not ours
            }
        }
        Finish(current, accounts, fileName);
        if (!sawBinance) throw new AccountConfigException($"{fileName} has no '## Binance Accounts' section.");
        if (accounts.Count == 0) throw new AccountConfigException($"{fileName} lists no account under '## Binance Accounts'.");
        return accounts;
    }

    private static void Finish(Draft? draft, List<ToolsMarkdownAccount> accounts, string fileName)
    {
        if (draft is null) return;
        if (string.IsNullOrEmpty(draft.Name))
            throw new AccountConfigException($"{fileName} line {draft.Line}: the account heading has no name.");
        if (string.IsNullOrEmpty(draft.ApiKey))
            throw new AccountConfigException($"{fileName}: account '{draft.Name}' (line {draft.Line}) has no '- API Key:' line.");
        if (string.IsNullOrEmpty(draft.Secret))
            throw new AccountConfigException($"{fileName}: account '{draft.Name}' (line {draft.Line}) has no '- Secret:' line.");
        // The source's own example ("abc123...xyz") is a masked placeholder: importing it would store garbage.
        if (draft.ApiKey.Contains("...", StringComparison.Ordinal) || draft.ApiKey.Contains('…'))
            throw new AccountConfigException($"{fileName} line {draft.ApiKeyLine}: the API key of '{draft.Name}' is shortened with '...'; the file must hold the whole key.");
        if (draft.Secret.Contains("...", StringComparison.Ordinal) || draft.Secret.Contains('…'))
            throw new AccountConfigException($"{fileName} line {draft.SecretLine}: the secret of '{draft.Name}' is shortened with '...'; the file must hold the whole secret.");
        if (accounts.Any(a => string.Equals(a.Name, draft.Name, StringComparison.OrdinalIgnoreCase)))
            throw new AccountConfigException($"{fileName}: account '{draft.Name}' (line {draft.Line}) is listed twice.");
        accounts.Add(new ToolsMarkdownAccount(draft.Name, draft.ApiKey, new SecretText(draft.Secret), NullIfEmpty(draft.Description),
            NullIfEmpty(draft.Environment), NullIfEmpty(draft.Signing), NullIfEmpty(draft.Email)));
    }

    private static string Unquote(string value) => value.Trim().Trim('`').Trim();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed class Draft(string name, int line)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;
        public string? ApiKey { get; set; }
        public int ApiKeyLine { get; set; }
        public string? Secret { get; set; }
        public int SecretLine { get; set; }
        public string? Description { get; set; }
        public string? Environment { get; set; }
        public string? Signing { get; set; }
        public string? Email { get; set; }
    }
}
