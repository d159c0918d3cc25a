using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Service;

/// <summary>
/// A planned move, ready to show and to execute: the request, the legs in order (each with the account whose key sends
/// it) and, for a Binance route, the router's plan with its weights and intermediate wallets. Nothing has been sent.
/// </summary>
/// <param name="Request">The move as asked.</param>
/// <param name="Home">The account the move was planned for.</param>
/// <param name="Legs">The legs in order; one leg is a lone transfer, several a route.</param>
/// <param name="LegAccounts">The account of each leg, in leg order.</param>
/// <param name="Route">The Binance router's plan (null for a venue without routes, such as HTX).</param>
public sealed record TransferProposal(TransferRequest Request, AccountDefinition Home, IReadOnlyList<ITransferPlan> Legs,
    IReadOnlyList<AccountDefinition> LegAccounts, TransferPlan? Route)
{
    /// <summary>The venue every leg runs on.</summary>
    public Venue Venue => Home.Venue;

    /// <summary>True when the legs are run as a route (journaled together, each after the previous is done).</summary>
    public bool IsRoute => Legs.Count > 1;

    /// <summary>A lone leg planned elsewhere (e.g. a managed sub-account deposit), to run through the same door.</summary>
    public static TransferProposal Of(ITransferPlan leg, AccountDefinition account)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(account);
        return new(new TransferRequest(leg.Amount, leg.Asset, leg.From, leg.To), account, [leg], [account], null);
    }

    /// <summary>True when any leg's account is on mainnet (a person's consent is the front end's to ask).</summary>
    public bool TouchesMainnet => LegAccounts.Any(a => a.Environment == AccountEnvironment.Mainnet);
}
