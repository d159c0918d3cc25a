namespace Ferry.Cli.Output;

/// <summary>
/// An outcome's message said once: the SDK's messages already begin with "Not sent: " or "Outcome unknown: " (and may
/// quote an inner one), so a command that adds its own lead-in takes them off first — never "Not sent: Not sent: ...".
/// </summary>
internal static class OutcomeText
{
    private static readonly string[] LeadIns = ["Not sent: ", "Outcome unknown: "];

    /// <summary>The message without its lead-ins, at the start or after an opening parenthesis.</summary>
    public static string Reason(string? message)
    {
        var text = (message ?? "").Trim();
        foreach (var leadIn in LeadIns)
        {
            while (text.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase)) text = text[leadIn.Length..];
            text = text.Replace("(" + leadIn, "(", StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    /// <summary>The message with its first lead-in kept and every repeat taken off.</summary>
    public static string Once(string? message)
    {
        var text = (message ?? "").Trim();
        var leadIn = LeadIns.FirstOrDefault(l => text.StartsWith(l, StringComparison.OrdinalIgnoreCase));
        return (leadIn ?? "") + Reason(text);
    }

    /// <summary>"Not sent: REASON".</summary>
    public static string NotSent(string? message) => "Not sent: " + Reason(message);

    /// <summary>"Outcome unknown: REASON".</summary>
    public static string Unknown(string? message) => "Outcome unknown: " + Reason(message);
}
