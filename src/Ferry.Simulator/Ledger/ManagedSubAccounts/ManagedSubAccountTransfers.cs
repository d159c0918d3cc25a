using System.Globalization;
using static Ferry.Simulator.Ledger.ManagedSubAccounts.ManagedSubAccountRegister;

namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Deposits into and withdrawals out of managed sub-accounts (a withdrawal may be scheduled for a later day),
/// and the three documented transfer-log views of them.</summary>
public sealed class ManagedSubAccountTransfers
{
    private readonly ManagedSubAccountRegister _register;

    internal ManagedSubAccountTransfers(ManagedSubAccountRegister register) => _register = register;

    /// <summary>Deposits the investor's spot <paramref name="asset"/> into the managed sub-account's spot, now.</summary>
    public ManagedSubAccountFailure? Deposit(string caller, string toEmail, string asset, decimal amount, out long tranId)
    {
        tranId = 0;
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, toEmail, out _, out var user) is { } failure) return failure;
            var investor = _register.Ledger.FindUser(caller)!;
            tranId = Reserve();
            return Move(ManagedMoveChannels.Deposit, investor.Email, user.Email, investor.Email, asset, amount, tranId);
        }
    }

    /// <summary>Withdraws from the managed sub-account's spot to the investor's spot: now when <paramref name="transferDateMs"/>
    /// is null or its UTC day has begun, else at 00:00 UTC of that day (the balance must cover it now and then).</summary>
    public ManagedSubAccountFailure? Withdraw(string caller, string fromEmail, string asset, decimal amount, long? transferDateMs,
        out long tranId, out ScheduledWithdrawal? scheduled)
    {
        tranId = 0;
        scheduled = null;
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, fromEmail, out _, out var user) is { } failure) return failure;
            var investor = _register.Ledger.FindUser(caller)!;
            var now = _register.NowMs;
            var executeAt = transferDateMs is { } date ? StartOfUtcDay(date) : now;
            if (executeAt <= now)
            {
                tranId = Reserve();
                return Move(ManagedMoveChannels.Withdraw, user.Email, investor.Email, investor.Email, asset, amount, tranId);
            }
            var held = _register.Ledger.Balances(user.Email)
                .Where(b => b.Key.Wallet.Wallet == WalletKind.Spot && b.Key.Asset == asset).Sum(b => b.Value);
            if (held < amount) return ManagedSubAccountFailure.InsufficientBalance;
            tranId = _register.State.NextTranId;
            scheduled = new ScheduledWithdrawal(tranId, investor.Email, user.Email, asset, amount, transferDateMs!.Value, executeAt, now,
                ScheduledWithdrawal.Pending);
            _register.Commit(_register.State with { Withdrawals = [.. _register.State.Withdrawals, scheduled], NextTranId = tranId + 1 });
            return null;
        }
    }

    /// <summary>Runs every scheduled withdrawal whose day has begun, oldest first; returns how many ran (executed or failed).
    /// Called before every request the simulator serves and by <c>SimulatorHost.RunScheduledWork</c>; a withdrawal
    /// whose move is already in the ledger (a restart between the two writes) is marked executed, never moved twice.</summary>
    public int RunDue()
    {
        if (!_register.HasDueWork) return 0;
        lock (_register.Gate)
        {
            var now = _register.NowMs;
            var due = _register.State.Withdrawals.Where(w => w.Status == ScheduledWithdrawal.Pending && w.ExecuteAtMs <= now)
                .OrderBy(w => w.ExecuteAtMs).ThenBy(w => w.TranId).ToList();
            if (due.Count == 0) return 0;
            var withdrawals = _register.State.Withdrawals.ToList();
            foreach (var w in due)
            {
                var outcome = _register.Ledger.Move(new MoveRequest(ManagedMoveChannels.Withdraw, ManagedMoveChannels.Withdraw, w.Investor,
                    WalletAddress.Of(w.FromEmail, WalletKind.Spot), WalletAddress.Of(w.Investor, WalletKind.Spot), w.Asset, w.Amount,
                    ClientId(w.TranId)));
                var status = outcome.Succeeded || outcome.Failure == MoveFailure.DuplicateClientId
                    ? ScheduledWithdrawal.Success
                    : ScheduledWithdrawal.Failed;
                withdrawals[withdrawals.FindIndex(x => x.TranId == w.TranId)] = w with { Status = status };
            }
            _register.Commit(_register.State with { Withdrawals = withdrawals });
            return due.Count;
        }
    }

    /// <summary>One page of a transfer log, newest first, and the count of every matching row.</summary>
    public ManagedSubAccountFailure? TransferLog(ManagedLogView view, string caller, string? email, ManagedLogQuery query,
        out IReadOnlyList<ManagedTransferRow> rows, out int count)
    {
        rows = [];
        count = 0;
        ManagedSubAccountProfile profile;
        lock (_register.Gate)
        {
            switch (view)
            {
                case ManagedLogView.Investor:
                    if (_register.FindManaged(caller, email ?? "", out profile, out _) is { } f1) return f1;
                    break;
                case ManagedLogView.TradingTeam:
                    if (!_register.State.Profiles.Any(p => Same(p.TradingTeamEmail, caller))) return ManagedSubAccountFailure.WrongRole;
                    profile = _register.State.Profiles.FirstOrDefault(p => Same(p.Email, email ?? "") && Same(p.TradingTeamEmail, caller))!;
                    if (profile is null) return ManagedSubAccountFailure.NotManaged;
                    break;
                default:
                    profile = _register.State.Profiles.FirstOrDefault(p => Same(p.Email, caller))!;
                    if (profile is null) return ManagedSubAccountFailure.WrongRole;
                    break;
            }
        }
        var managed = profile.Email;
        var schedule = _register.Snapshot().Withdrawals.ToDictionary(w => w.TranId, w => w.TransferDateMs);
        var matching = _register.Ledger.ReadHistoryPage(HistoryQuery.All(HistoryKey.Party(managed),
                m => m.Channel is ManagedMoveChannels.Deposit or ManagedMoveChannels.Withdraw)).Rows
            .Select(m => (Move: m, Out: Same(m.From.Owner, managed), In: Same(m.To.Owner, managed)))
            .Where(x => (x.Out || x.In) && x.Move.TimestampMs >= query.StartMs && x.Move.TimestampMs <= query.EndMs)
            .Where(x => query.Direction switch { "FROM" => x.Out, "TO" => x.In, _ => true })
            .Where(x => query.AccountType is not { } type || (x.Out ? x.Move.From.Wallet : x.Move.To.Wallet) == type)
            .Select(x => Row(x.Move, schedule))
            .OrderByDescending(r => r.CreateTimeMs).ThenByDescending(r => r.TranId)
            .ToList();
        count = matching.Count;
        rows = [.. matching.Skip((int)Math.Min((long)(query.Page - 1) * query.Limit, int.MaxValue)).Take(query.Limit)];
        return null;
    }

    private static ManagedTransferRow Row(LedgerMove m, Dictionary<long, long> schedule)
    {
        var tranId = TranIdOf(m);
        return new ManagedTransferRow(tranId, m.From.Owner, m.From.Wallet, m.To.Owner, m.To.Wallet, m.Asset, m.Amount,
            schedule.GetValueOrDefault(tranId, m.TimestampMs), m.TimestampMs);
    }

    /// <summary>The managed transfer id a move carries in its client id (the ledger id when it carries none).</summary>
    private static long TranIdOf(LedgerMove m) =>
        m.ClientId is { } id && id.StartsWith(ManagedMoveChannels.ClientIdPrefix, StringComparison.Ordinal) &&
        long.TryParse(id.AsSpan(ManagedMoveChannels.ClientIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : m.Id;

    private static string ClientId(long tranId) => ManagedMoveChannels.ClientIdPrefix + tranId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Takes the next transfer id and writes it through before anything moves, so an id is never handed out twice.</summary>
    private long Reserve()
    {
        var id = _register.State.NextTranId;
        _register.Commit(_register.State with { NextTranId = id + 1 });
        return id;
    }

    private ManagedSubAccountFailure? Move(string channel, string from, string to, string initiator, string asset, decimal amount, long tranId)
    {
        var outcome = _register.Ledger.Move(new MoveRequest(channel, channel, initiator, WalletAddress.Of(from, WalletKind.Spot),
            WalletAddress.Of(to, WalletKind.Spot), asset, amount, ClientId(tranId)));
        return outcome.Failure switch
        {
            MoveFailure.None => null,
            MoveFailure.InsufficientBalance => ManagedSubAccountFailure.InsufficientBalance,
            _ => ManagedSubAccountFailure.TransferFailed,
        };
    }
}
