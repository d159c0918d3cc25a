using System.Globalization;
using Ferry.Core.Credentials;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Service;

/// <summary>
/// A <see cref="TransferService"/> that can only plan: opening a venue session or the journal fails the test. A refusal
/// it gives is therefore proved to come before anything is sent or written.
/// </summary>
internal static class PlanOnlyService
{
    /// <summary>A Binance master ("main", master@example.com) with the sub-accounts given.</summary>
    public static AccountDefinition Binance(string name = "main", string? email = "master@example.com", params string[] subAccounts) =>
        new(name, Venue.Binance, AccountEnvironment.Sim, new Uri("http://127.0.0.1:1/"),
            new ApiCredentials("KEY-0123456789", new SecretText("SECRET-0123456789"), SigningKind.Hmac), email, SubAccounts: subAccounts);

    /// <summary>An HTX account.</summary>
    public static AccountDefinition Htx(string name = "h") =>
        new(name, Venue.Htx, AccountEnvironment.Sim, new Uri("http://127.0.0.1:1/"),
            new ApiCredentials("ACCESS-0123456789", new SecretText("SECRET-0123456789"), SigningKind.Hmac), null);

    public static TransferService Over(params AccountDefinition[] accounts) => new(new TransferServiceOptions
    {
        Accounts = accounts,
        OpenJournal = _ => throw new InvalidOperationException("Planning opened the journal."),
        Venues = new NoVenues(),
    });

    /// <summary>Plans through the service's one door, as every front end does.</summary>
    public static Task<TransferProposal> PlanAsync(this TransferService service, string amount, string asset, string from, string to, string account) =>
        service.PlanAsync(new TransferRequest(decimal.Parse(amount, CultureInfo.InvariantCulture), asset, WalletAddress.Parse(from), WalletAddress.Parse(to)),
            account, CancellationToken.None);

    internal sealed class NoVenues : IVenueConnector
    {
        public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct) =>
            throw new InvalidOperationException($"Planning opened a session for '{account.Name}'.");
    }
}
