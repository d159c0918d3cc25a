using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Money;
using Ferry.Engine.Policy;

namespace Ferry.Engine.Approvals;

/// <summary>
/// What an approval is bound to: who asked, whose key sends the move, on which venue, from which wallet to which final
/// wallet, which asset and exactly how much. Its <see cref="Hash"/> is what a re-run must match to use an approval, and
/// what an approval row must still match to be approved (a row changed in the database no longer does).
/// </summary>
/// <param name="Requester">Who asked (the stored form, e.g. <c>person:alice</c>).</param>
/// <param name="Account">The account whose key sends the first leg.</param>
/// <param name="Venue">binance or htx.</param>
/// <param name="From">The source wallet.</param>
/// <param name="To">The wallet the move ends in (a route's last leg's target).</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">The exact amount.</param>
public sealed record MovePayload(string Requester, string Account, string Venue, string From, string To, string Asset, decimal Amount)
{
    /// <summary>The payload of a move as the policy judged it.</summary>
    public static MovePayload Of(PolicyMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return new(move.Requester.ToString(), move.Account, move.Venue, move.From, move.To, move.Asset, move.Amount);
    }

    /// <summary>SHA-256 (lower-case hex) of the canonical text: one field a line, a version tag first, the account and
    /// venue in lower case, the asset in upper case and the amount without trailing zeros (1.50 and 1.5 are one move).</summary>
    public string Hash
    {
        get
        {
            var canonical = string.Join('\n', "ferry-move-v1", Requester, Account.ToLowerInvariant(), Venue.ToLowerInvariant(),
                From, To, Asset.ToUpperInvariant(), WireDecimal.Format(Amount));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
    }

    /// <summary>The move in words: <c>15000 USDT from spot to usdm (account main on binance)</c>.</summary>
    public string Describe() => $"{WireDecimal.Format(Amount)} {Asset} from {From} to {To} (account {Account} on {Venue})";
}
