
namespace Ferry.Cli.Commands;

/// <summary>
/// No mainnet move without consent (design principle 7): the user types CONFIRM, or a script
/// passes --confirm. The prompt goes to standard error so --json output stays one document.
/// </summary>
internal static class MainnetConsent
{
    /// <summary>The one word that is consent, typed exactly (at the terminal and over MCP).</summary>
    public const string Word = "CONFIRM";

    public static void Require(CliEnvironment env, bool confirmedByFlag, string summary)
    {
        if (confirmedByFlag)
        {
            env.Error.WriteLine($"{summary} Consent given with --confirm.");
            env.Log.Info("mainnet consent given by --confirm");
            return;
        }
        if (!env.IsInteractive)
        {
            throw CliException.Refused(
                "This is a mainnet move and nobody can type CONFIRM here; re-run with --confirm to consent, or run it in a terminal.");
        }

        env.Error.WriteLine(summary);
        env.Error.Write("Type CONFIRM to proceed: ");
        var answer = env.In.ReadLine();
        // Exactly the word, as over MCP (McpConsent): "CONFIRM " or " CONFIRM" is not consent.
        if (!string.Equals(answer, Word, StringComparison.Ordinal))
            throw CliException.Refused("The move was not confirmed, so nothing was sent.");
        env.Log.Info("mainnet consent given by typing CONFIRM");
    }
}
