using System.Security.Cryptography;
using System.Text;

namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>A sub-account as the list and status endpoints show it: profile plus the ledger's product flags.</summary>
public sealed record SubAccountView(SubAccountProfile Profile, SimUser User);

public sealed partial class SubAccountBook
{
    /// <summary>Creates a virtual sub-account from <paramref name="text"/>, as Binance does:
    /// <c>{text}_virtual@{8 letters}noemail.com</c> (docs example <c>addsdd_virtual@aasaixwqnoemail.com</c>). The letters
    /// are derived from the master, the text and the new sub-user id, so the same state gives the same e-mail.</summary>
    public SubAccountFailure? CreateVirtual(string caller, string text, out SubAccountView created)
    {
        created = null!;
        lock (_gate)
        {
            if (RequireMaster(caller) is { } notMaster) return notMaster;
            var id = _state.NextSubUserId;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.ToLowerInvariant()}|{text}|{id}"));
            var letters = new StringBuilder(8);
            for (var i = 0; i < 8; i++) letters.Append((char)('a' + hash[i] % 26));
            var email = $"{text.ToLowerInvariant()}_virtual@{letters}noemail.com";
            if (_ledger.FindUser(email) is not null) return SubAccountFailure.InvalidValue;
            var user = new SimUser(email, IsMaster: false, FuturesEnabled: false, MarginEnabled: false, OptionsEnabled: false);
            var profile = new SubAccountProfile(email, id, NowMs, "", Frozen: false, Virtual: true);
            Commit(_state with { Profiles = [.. _state.Profiles, profile], NextSubUserId = id + 1 }, user);
            created = new SubAccountView(profile, user);
            return null;
        }
    }

    /// <summary>The caller's sub-accounts in creation order (sub-user id).</summary>
    public SubAccountFailure? List(string caller, out IReadOnlyList<SubAccountView> subAccounts)
    {
        subAccounts = [];
        lock (_gate)
        {
            if (RequireMaster(caller) is { } notMaster) return notMaster;
            subAccounts = [.. _state.Profiles
                .Select(p => _ledger.FindUser(p.Email) is { IsMaster: false } u ? new SubAccountView(p, u) : null)
                .OfType<SubAccountView>()
                .OrderBy(v => v.Profile.SubUserId)];
            return null;
        }
    }

    /// <summary>One sub-account of the caller.</summary>
    public SubAccountFailure? Find(string caller, string? email, out SubAccountView view)
    {
        view = null!;
        lock (_gate)
        {
            if (FindSub(caller, email, out var user, out var profile) is { } failure) return failure;
            view = new SubAccountView(profile, user);
            return null;
        }
    }

    /// <summary>Turns on USDⓈ-M and COIN-M futures for a sub-account (idempotent); transfers see the flag at once.</summary>
    public SubAccountFailure? EnableFutures(string caller, string? email, out SimUser user) =>
        SetFlag(caller, email, u => u with { FuturesEnabled = true }, out user);

    /// <summary>Turns on vanilla options for a sub-account (idempotent).</summary>
    public SubAccountFailure? EnableOptions(string caller, string? email, out SimUser user) =>
        SetFlag(caller, email, u => u with { OptionsEnabled = true }, out user);

    private SubAccountFailure? SetFlag(string caller, string? email, Func<SimUser, SimUser> change, out SimUser user)
    {
        lock (_gate)
        {
            if (FindSub(caller, email, out var current, out _) is { } failure)
            {
                user = null!;
                return failure;
            }
            user = change(current);
            if (user != current) Commit(_state, user);
            return null;
        }
    }
}
