using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Transfers;

/// <summary>One planned leg on any venue: which wallets, what moves, and the endpoint call that moves it.</summary>
public interface ITransferPlan
{
    /// <summary>The account whose key sends the leg.</summary>
    string AccountName { get; }

    /// <summary>The source wallet.</summary>
    WalletAddress From { get; }

    /// <summary>The target wallet.</summary>
    WalletAddress To { get; }

    /// <summary>Upper-case asset, e.g. USDT.</summary>
    string Asset { get; }

    /// <summary>The amount, positive, at most 8 decimal places.</summary>
    decimal Amount { get; }

    /// <summary>"METHOD /path" of the endpoint the leg calls.</summary>
    string Endpoint { get; }

    /// <summary>The request parameters as they will be sent (without authentication).</summary>
    IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The venue the leg runs on.</summary>
    Venue Venue => From.Venue;

    /// <summary>How the journal records this leg (its public parameters only), grouped under <paramref name="intent"/> when given.</summary>
    LegDescription Describe(string? intent = null);
}
