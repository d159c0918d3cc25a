using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance;

/// <summary>The rules shared by the sub-account transfer handlers: who may call, which emails are related, which
/// account types exist, paging and time windows, and how a refused move maps to a Binance error.</summary>
internal static class SubAccountRules
{
    /// <summary>The account types the sub-account universal transfer names (the docs also mention ALPHA, not simulated).</summary>
    private static readonly WalletKind[] UniversalAccountTypes =
        [WalletKind.Spot, WalletKind.UsdtFuture, WalletKind.CoinFuture, WalletKind.Margin, WalletKind.IsolatedMargin];

    /// <summary>The caller must be the master ("For Master Account" endpoints); a sub-account key gets -2015.</summary>
    public static BinanceError? RequireMaster(SimLedger ledger, SimRequest r, out SimUser master)
    {
        master = ledger.FindUser(r.Owner!)!;
        return master is { IsMaster: true } ? null : BinanceErrors.RejectedKey;
    }

    /// <summary>The caller must be a sub-account ("For Sub-account" endpoints); the master's key gets -2015.</summary>
    public static BinanceError? RequireSubAccount(SimLedger ledger, SimRequest r, out SimUser sub)
    {
        sub = ledger.FindUser(r.Owner!)!;
        return sub is { IsMaster: false } ? null : BinanceErrors.RejectedKey;
    }

    /// <summary>An optional email parameter: absent → null; malformed → -4003.</summary>
    public static BinanceError? Email(this SimRequest r, string name, out string? email)
    {
        email = r.Text(name);
        return email is null || IsEmail(email) ? null : BinanceErrors.InvalidEmail;
    }

    /// <summary>A required email parameter: absent → -1102; malformed → -4003.</summary>
    public static BinanceError? RequiredEmail(this SimRequest r, string name, out string email)
    {
        var error = r.Email(name, out var value);
        email = value ?? "";
        return error ?? (value is null ? RequestParams.Malformed(name) : null);
    }

    /// <summary>The user behind <paramref name="email"/> when it is a sub-account of the ledger's master; else -5021.</summary>
    public static BinanceError? SubAccountOf(SimLedger ledger, string email, out SimUser sub)
    {
        sub = ledger.FindUser(email)!;
        return sub is { IsMaster: false } ? null : BinanceErrors.NoParentSubRelation;
    }

    /// <summary>The master or one of its sub-accounts; else -5021.</summary>
    public static BinanceError? MasterOrSubAccount(SimLedger ledger, string email, out SimUser user)
    {
        user = ledger.FindUser(email)!;
        return user is not null ? null : BinanceErrors.NoParentSubRelation;
    }

    /// <summary>A sub-account universal-transfer account type: SPOT, USDT_FUTURE, COIN_FUTURE, MARGIN, ISOLATED_MARGIN.</summary>
    public static BinanceError? AccountType(this SimRequest r, string name, out WalletKind kind)
    {
        kind = default;
        return WalletNames.TryParse(r.Text(name), out kind) && UniversalAccountTypes.Contains(kind) ? null : RequestParams.Malformed(name);
    }

    /// <summary>An optional whole number from a fixed set (e.g. type 1..4); -1102 when present and not in it.</summary>
    public static BinanceError? Choice(this SimRequest r, string name, int min, int max, out int? value)
    {
        value = null;
        if (r.Long(name, out var v) is { } e) return e;
        if (v is null) return null;
        if (v < min || v > max) return RequestParams.Malformed(name);
        value = (int)v.Value;
        return null;
    }

    /// <summary>An optional "true"/"false" flag (case-insensitive); -1102 otherwise.</summary>
    public static BinanceError? Flag(this SimRequest r, string name, out bool value)
    {
        value = false;
        var text = r.Text(name);
        if (text is null) return null;
        if (bool.TryParse(text, out value)) return null;
        return RequestParams.Malformed(name);
    }

    /// <summary>A caller-chosen id: 1..64 printable ASCII characters without spaces (the limit is assumed).</summary>
    public static BinanceError? ClientTranId(this SimRequest r, out string? value)
    {
        value = r.Text("clientTranId");
        return value is null || (value.Length <= 64 && value.All(c => c is > ' ' and <= '~')) ? null : RequestParams.Malformed("clientTranId");
    }

    /// <summary><c>page</c> (default 1) and <c>limit</c> (default <paramref name="defaultLimit"/>, capped at <paramref name="maxLimit"/>).</summary>
    public static BinanceError? PageAndLimit(this SimRequest r, int defaultLimit, int maxLimit, out int page, out int limit)
    {
        page = 1;
        limit = defaultLimit;
        if (r.Long("page", out var p) is { } e1) return e1;
        if (r.Long("limit", out var l) is { } e2) return e2;
        if (p is > 1) page = (int)Math.Min(p.Value, int.MaxValue);
        if (l is not null) limit = (int)Math.Clamp(l.Value, 1, maxLimit);
        return null;
    }

    /// <summary>startTime/endTime: neither → the last <paramref name="defaultDays"/> days; only start → start..now; only end →
    /// the <paramref name="defaultDays"/> days before it; start after end → -1102; a span over <paramref name="maxSpanDays"/> → -1127.</summary>
    public static BinanceError? Window(this SimRequest r, int defaultDays, int? maxSpanDays, out HistoryWindow window)
    {
        window = default;
        if (r.Long("startTime", out var start) is { } e1) return e1;
        if (r.Long("endTime", out var end) is { } e2) return e2;
        var s = start ?? (end ?? r.NowMs) - defaultDays * HistoryWindow.Day;
        var e = end ?? (start is null ? r.NowMs : Math.Max(r.NowMs, s));
        if (s > e) return RequestParams.Malformed("startTime");
        if (maxSpanDays is { } max && e - s > max * HistoryWindow.Day)
        {
            return BinanceErrors.IntervalTooLong.Format((max * 24).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        window = new HistoryWindow(s, e);
        return null;
    }

    /// <summary>True for a move between two different users (the master's and sub-accounts' cross-account views).</summary>
    public static bool CrossAccount(LedgerMove m) => !string.Equals(m.From.Owner, m.To.Owner, StringComparison.OrdinalIgnoreCase);

    /// <summary>Same e-mail, ignoring case.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps a refused move to the Binance error the sub-account endpoints answer.</summary>
    public static BinanceError ErrorFor(SimLedger ledger, MoveFailure failure, WalletAddress from, WalletAddress to) => failure switch
    {
        MoveFailure.DuplicateClientId => BinanceErrors.DuplicateClientTranId,
        MoveFailure.InsufficientBalance => BinanceErrors.InsufficientBalance,
        MoveFailure.NonPositiveAmount => RequestParams.Malformed("amount"),
        MoveFailure.UnknownUser => BinanceErrors.NoParentSubRelation,
        MoveFailure.WalletNotEnabled => MissingWallet(ledger, from, to) is WalletKind.UsdtFuture or WalletKind.CoinFuture
            ? BinanceErrors.FutureAccountMissing
            : BinanceErrors.TransferFailed,
        _ => BinanceErrors.TransferFailed,
    };

    private static WalletKind MissingWallet(SimLedger ledger, WalletAddress from, WalletAddress to) =>
        ledger.FindUser(from.Owner)?.HasWallet(from.Wallet) == false ? from.Wallet : to.Wallet;

    private static bool IsEmail(string s)
    {
        var at = s.IndexOf('@');
        return s.Length <= 254 && at > 0 && at == s.LastIndexOf('@') && at < s.Length - 1 &&
               s[(at + 1)..].Contains('.') && !s.EndsWith('.') && s.All(c => c is > ' ' and <= '~');
    }
}
