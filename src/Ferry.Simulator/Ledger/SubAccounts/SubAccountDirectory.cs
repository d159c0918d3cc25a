using System.Security.Cryptography;
using System.Text;

namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>The master's sub-accounts: list, find, create virtual ones, turn on futures and options.</summary>
public sealed class SubAccountDirectory
{
    private readonly SubAccountRegister _register;

    internal SubAccountDirectory(SubAccountRegister register) => _register = register;

    /// <summary>Creates a virtual sub-account from <paramref name="text"/>, as Binance does:
    /// <c>{text}_virtual@{8 letters}noemail.com</c> (docs example <c>addsdd_virtual@aasaixwqnoemail.com</c>). The letters
    /// are derived from the master, the text and the new sub-user id, so the same state gives the same e-mail.</summary>
    public SubAccountFailure? CreateVirtual(string caller, string text, out SubAccountView created)
    {
        created = null!;
        lock (_register.Gate)
        {
            if (_register.RequireMaster(caller) is { } notMaster) return notMaster;
            var id = _register.State.NextSubUserId;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.ToLowerInvariant()}|{text}|{id}"));
            var letters = new StringBuilder(8);
            for (var i = 0; i < 8; i++) letters.Append((char)('a' + hash[i] % 26));
            var email = $"{text.ToLowerInvariant()}_virtual@{letters}noemail.com";
            if (_register.Ledger.FindUser(email) is not null) return SubAccountFailure.InvalidValue;
            var user = new SimUser(email, IsMaster: false, FuturesEnabled: false, MarginEnabled: false, OptionsEnabled: false);
            var profile = new SubAccountProfile(email, id, _register.NowMs, "", Frozen: false, Virtual: true);
            _register.Commit(_register.State with { Profiles = [.. _register.State.Profiles, profile], NextSubUserId = id + 1 }, user);
            created = new SubAccountView(profile, user);
            return null;
        }
    }

    /// <summary>The caller's sub-accounts in creation order (sub-user id).</summary>
    public SubAccountFailure? List(string caller, out IReadOnlyList<SubAccountView> subAccounts)
    {
        subAccounts = [];
        lock (_register.Gate)
        {
            if (_register.RequireMaster(caller) is { } notMaster) return notMaster;
            subAccounts = [.. _register.State.Profiles
                .Select(p => _register.Ledger.FindUser(p.Email) is { IsMaster: false } u ? new SubAccountView(p, u) : null)
                .OfType<SubAccountView>()
                .OrderBy(v => v.Profile.SubUserId)];
            return null;
        }
    }

    /// <summary>One sub-account of the caller.</summary>
    public SubAccountFailure? Find(string caller, string? email, out SubAccountView view)
    {
        view = null!;
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out var profile) is { } failure) return failure;
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
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var current, out _) is { } failure)
            {
                user = null!;
                return failure;
            }
            user = change(current);
            if (user != current) _register.Commit(_register.State, user);
            return null;
        }
    }
}
