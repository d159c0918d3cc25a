using System.Data.Common;
using Ferry.Core.Money;

namespace Ferry.Engine.Journal;

/// <summary>
/// The statements every store runs the same way (SQLite and PostgreSQL both take <c>@name</c> parameters, <c>RETURNING</c>
/// and these expressions) and how their parameters are bound, so the stores differ only where their databases do:
/// transactions, locking, ordering by write order, and errors.
/// </summary>
internal static class JournalSql
{
    /// <summary>A new leg; bound with <see cref="BindLeg"/>.</summary>
    public const string InsertLeg = """
        INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
          client_tran_id, state, attempt, created_ms, updated_ms, sent_ms, route_id, route_leg, requester)
        VALUES (@id, @intent, @kind, @venue, @account, @endpoint, @parameters, @from, @to, @asset, @amount, @ctid, @state, 1,
          @now, @now, @sent, @routeId, @routeLeg, @requester);
        """;

    /// <summary>The moves journaled after @since that count against the policy's rolling limits: each move's first leg (a
    /// lone leg or a route's position 1) while planned, sending, done or unknown, only the columns a rule reads, and the
    /// target of its route's last leg (read with <see cref="JournalRows.ReadCountedAsync"/>).</summary>
    public const string CountedMoves = """
        SELECT id, requester, account, venue, from_wallet, asset, amount, created_ms,
          COALESCE((SELECT t.to_wallet FROM legs t WHERE t.route_id = legs.route_id ORDER BY t.route_leg DESC, t.created_ms DESC LIMIT 1), to_wallet)
        FROM legs
        WHERE created_ms > @since AND state IN ('planned', 'sending', 'done', 'unknown') AND (route_id IS NULL OR route_leg = 1)
        ORDER BY created_ms;
        """;

    /// <summary>The wallet a route's last leg on file ends in; bound with @route.</summary>
    public const string RouteTarget = "SELECT to_wallet FROM legs WHERE route_id = @route ORDER BY route_leg DESC, created_ms DESC LIMIT 1;";

    /// <summary>The compare-and-set of a transition: changes the entry only when it is still in @expected, and returns the
    /// new row's <paramref name="returning"/> columns; bound with <see cref="BindTransition"/>.</summary>
    public static string Transition(string returning) => $"""
        UPDATE legs SET state = @state, attempt = attempt + (CASE WHEN @newAttempt THEN 1 ELSE 0 END), updated_ms = @now,
          sent_ms = CASE WHEN @sending THEN @now ELSE sent_ms END,
          exchange_id = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@exchangeId, exchange_id) END,
          history_id = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@historyId, history_id) END,
          error_code = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@errorCode, error_code) END,
          message = COALESCE(@message, CASE WHEN @newAttempt THEN NULL ELSE message END)
        WHERE id = @id AND state = @expected
        RETURNING {returning};
        """;

    /// <summary><see cref="Transition"/> returning <see cref="JournalRows.ChangedColumns"/>, made once.</summary>
    public static readonly string TransitionReturningChanged = Transition(JournalRows.ChangedColumns);

    /// <summary><see cref="Transition"/> returning every column (<see cref="JournalRows.Columns"/>), made once.</summary>
    public static readonly string TransitionReturningAll = Transition(JournalRows.Columns);

    /// <summary>A step of an entry whose number the caller knows (a new entry), or the one after its last.</summary>
    public static string InsertEvent(bool seqKnown) => seqKnown
        ? """
          INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
          VALUES (@id, @seq, @at, @attempt, @from, @to, @detail);
          """
        : """
          INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
          VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE leg_id = @id), @at, @attempt, @from, @to, @detail);
          """;

    /// <summary>A new claim row; the store gives it a new, larger token and returns it.</summary>
    public const string InsertClaim = """
        INSERT INTO claims (subject, owner, pid, host, started_ms, claimed_ms, lease_until_ms)
        VALUES (@subject, @owner, @pid, @host, @started, @now, @until) RETURNING token;
        """;

    /// <summary>Sets a lease; bound with @until and @token.</summary>
    public const string RenewClaim = "UPDATE claims SET lease_until_ms = @until WHERE token = @token;";

    /// <summary>Sets the lease of every claim of one owner; bound with @until and @owner.</summary>
    public const string RenewOwnerClaims = "UPDATE claims SET lease_until_ms = @until WHERE owner = @owner;";

    /// <summary>Deletes a claim row if it still carries the token; bound with @subject and @token.</summary>
    public const string DeleteClaim = "DELETE FROM claims WHERE subject = @subject AND token = @token;";

    /// <summary>A note on an entry; bound with @message, @now and @id.</summary>
    public const string Note = "UPDATE legs SET message = @message, updated_ms = @now WHERE id = @id;";

    /// <summary>The history rows done entries of one venue claimed; bound with @venue.</summary>
    public const string ClaimedHistoryIds = "SELECT history_id FROM legs WHERE state = 'done' AND venue = @venue AND history_id IS NOT NULL;";

    /// <summary>Binds <see cref="InsertLeg"/>; returns the amount's text as written.</summary>
    public static string BindLeg(DbCommand cmd, string id, LegDescription leg, LegState state, DateTimeOffset now) =>
        BindLeg(new CommandParameters(cmd), id, leg, state, now);

    /// <inheritdoc cref="BindLeg(DbCommand, string, LegDescription, LegState, DateTimeOffset)"/>
    public static string BindLeg<TParameters>(TParameters p, string id, LegDescription leg, LegState state, DateTimeOffset now) where TParameters : IStatementParameters
    {
        var amount = WireDecimal.Format(leg.Amount);
        var ms = now.ToUnixTimeMilliseconds();
        p.Set("@id", id);
        p.Set("@intent", leg.Intent);
        p.Set("@kind", leg.Kind);
        p.Set("@venue", leg.Venue);
        p.Set("@account", leg.AccountName);
        p.Set("@endpoint", leg.Endpoint);
        p.SetPairs("@parameters", leg.Parameters);
        p.Set("@from", leg.From);
        p.Set("@to", leg.To);
        p.Set("@asset", leg.Asset);
        p.Set("@amount", amount);
        p.Set("@ctid", leg.ClientTranId);
        p.Set("@state", LegStates.Name(state));
        p.Set("@now", ms);
        p.Set("@sent", state == LegState.Sending ? ms : null);
        p.Set("@routeId", leg.RouteId);
        p.Set("@routeLeg", leg.RouteLeg);
        p.Set("@requester", leg.Requester?.ToString());
        return amount;
    }

    /// <summary>What a read gives back for a leg written with the amount text <paramref name="amount"/>: the same value,
    /// without trailing zeros.</summary>
    public static LegDescription AsStored(LegDescription leg, string amount) =>
        WireDecimal.TryParse(amount, out var stored) && stored.Scale != leg.Amount.Scale ? leg with { Amount = stored } : leg;

    /// <summary>Binds <see cref="Transition"/>.</summary>
    public static void BindTransition(DbCommand cmd, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now) =>
        BindTransition(new CommandParameters(cmd), id, expected, to, details, now);

    /// <inheritdoc cref="BindTransition(DbCommand, string, LegState, LegState, TransitionDetails?, DateTimeOffset)"/>
    public static void BindTransition<TParameters>(TParameters p, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now)
        where TParameters : IStatementParameters
    {
        p.Set("@state", LegStates.Name(to));
        p.Set("@newAttempt", expected == LegState.NotExecuted && to == LegState.Sending);
        p.Set("@now", now.ToUnixTimeMilliseconds());
        p.Set("@sending", to == LegState.Sending);
        p.Set("@exchangeId", details?.ExchangeId);
        p.Set("@historyId", details?.HistoryId);
        p.Set("@errorCode", details?.ErrorCode);
        p.Set("@message", details?.Message);
        p.Set("@id", id);
        p.Set("@expected", LegStates.Name(expected));
    }

    /// <summary>Binds <see cref="InsertEvent"/>.</summary>
    public static void BindEvent(DbCommand cmd, string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail) =>
        BindEvent(new CommandParameters(cmd), id, seq, attempt, at, from, to, detail);

    /// <inheritdoc cref="BindEvent(DbCommand, string, int?, int, DateTimeOffset, LegState?, LegState, string?)"/>
    public static void BindEvent<TParameters>(TParameters p, string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail)
        where TParameters : IStatementParameters
    {
        p.Set("@id", id);
        if (seq is { } known) p.Set("@seq", (long)known);
        p.Set("@at", at.ToUnixTimeMilliseconds());
        p.Set("@attempt", attempt);
        p.Set("@from", from is { } f ? LegStates.Name(f) : null);
        p.Set("@to", LegStates.Name(to));
        p.Set("@detail", detail);
    }

    /// <summary>Binds <see cref="InsertClaim"/>.</summary>
    public static void BindClaim(DbCommand cmd, string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil) =>
        BindClaim(new CommandParameters(cmd), subject, owner, now, leaseUntil);

    /// <inheritdoc cref="BindClaim(DbCommand, string, JournalOwner, DateTimeOffset, DateTimeOffset)"/>
    public static void BindClaim<TParameters>(TParameters p, string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil)
        where TParameters : IStatementParameters
    {
        p.Set("@subject", subject);
        p.Set("@owner", owner.InstanceId);
        p.Set("@pid", owner.Pid);
        p.Set("@host", owner.Host);
        p.Set("@started", owner.StartedAtMs);
        p.Set("@now", now.ToUnixTimeMilliseconds());
        p.Set("@until", leaseUntil.ToUnixTimeMilliseconds());
    }

    /// <summary>Sets a parameter, adding it the first time (a prepared command keeps its parameters between calls).</summary>
    public static void Set(DbCommand cmd, string name, object? value)
    {
        var parameters = cmd.Parameters;
        var i = parameters.IndexOf(name);
        if (i >= 0)
        {
            parameters[i].Value = value ?? DBNull.Value;
            return;
        }
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
    }
}
