using Ferry.Engine.Service;
using Microsoft.Extensions.Options;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>Checks <see cref="FerryEngineOptions"/> at start: one sentence naming what is missing or wrong, never a key.</summary>
internal sealed class EngineOptionsValidation : IValidateOptions<FerryEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, FerryEngineOptions options)
    {
        if (options.Accounts.Count == 0)
        {
            return ValidateOptionsResult.Fail("Ferry engine: no account is configured; add one to 'Accounts'.");
        }

        var twice = options.Accounts.GroupBy(a => (a.Venue, a.Name.ToUpperInvariant())).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            return ValidateOptionsResult.Fail($"Ferry engine: the account name '{twice.First().Name}' is used twice.");
        }

        if (string.IsNullOrWhiteSpace(options.JournalPath))
        {
            return ValidateOptionsResult.Fail("Ferry engine: 'JournalPath' is missing (the SQLite file every move is written to before it is sent).");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(options.JournalPath));
        if (folder is null || !Directory.Exists(folder))
        {
            return ValidateOptionsResult.Fail($"Ferry engine: the journal's folder '{folder}' does not exist.");
        }

        try
        {
            _ = Ferry.Engine.Policy.Requester.Token(options.Requester);
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail("Ferry engine: 'Requester': " + e.Message);
        }

        try
        {
            // The same refusal the engine makes before a move: an account it cannot send with (a key file missing...).
            TransferService.RequireRunnable(options.Accounts);
        }
        catch (TransferRefusedException e)
        {
            return ValidateOptionsResult.Fail("Ferry engine: " + e.Message);
        }

        return ValidateOptionsResult.Success;
    }
}
