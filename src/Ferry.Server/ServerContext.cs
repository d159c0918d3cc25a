using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Plans;
using Ferry.Engine.Service;
using Ferry.Server.Api;
using Ferry.Server.Plans;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ferry.Server;

/// <summary>What every endpoint shares: the options, the plans made so far, the log.</summary>
internal sealed class ServerContext(FerryServerOptions options, ILogger logger)
{
    public FerryServerOptions Options => options;

    public ILogger Logger => logger;

    public PlanBook<ServerPlan> Plans { get; } = new(options.Time, options.PlanTimeToLive, Say);

    /// <summary>The engine's door for one request, asking as the caller its token names.</summary>
    public TransferService Open(HttpContext context) => options.OpenService(ApiAccess.Caller(context).Requester);

    /// <summary>The confirmations people gave in the dashboard, each for one plan id.</summary>
    public PlanConfirmations Confirmations { get; } = new();

    /// <summary>Every run started here, for the event stream and the dashboard.</summary>
    public Events.RunBoard Runs { get; } = new();

    /// <summary>The account a request uses: the one it names, else the server's default for the venue, else the venue's first.</summary>
    public AccountDefinition AccountFor(TransferService service, string? named, Venue venue)
    {
        if (named is not null)
        {
            return service.Accounts.FirstOrDefault(a => a.Venue == venue && string.Equals(a.Name, named, StringComparison.OrdinalIgnoreCase))
                ?? service.Accounts.FirstOrDefault(a => string.Equals(a.Name, named, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiException.BadInput($"There is no account named '{named}'; GET /api/v1/accounts lists them");
        }
        return service.Accounts.FirstOrDefault(a => a.Venue == venue && string.Equals(a.Name, options.DefaultAccount, StringComparison.OrdinalIgnoreCase))
            ?? service.Accounts.FirstOrDefault(a => a.Venue == venue)
            ?? throw ApiException.Refused($"No {venue.Display()} account is configured here");
    }

    private static string Say(PlanRefusal refusal) => refusal.Kind switch
    {
        PlanRefusalKind.Replayed => $"Plan {refusal.PlanId} already ran at {refusal.At:yyyy-MM-dd'T'HH:mm:ss'Z'} and runs at most once; GET /api/v1/journal shows its outcome, and a new plan moves again.",
        PlanRefusalKind.Expired => $"Plan {refusal.PlanId} expired at {refusal.At:yyyy-MM-dd'T'HH:mm:ss'Z'} and was not run; make a new plan.",
        _ => $"There is no plan '{refusal.PlanId}' here; plans live only in the server that made them until they expire, so make a new plan.",
    };
}
