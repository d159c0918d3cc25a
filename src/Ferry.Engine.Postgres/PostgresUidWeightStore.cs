using Ferry.Binance.Http;
using Npgsql;

namespace Ferry.Engine.Postgres;

/// <summary>
/// The UID weight of Binance accounts shared by every process that uses one journal database (table <c>uid_weight</c>,
/// schema 2, made by <c>ferry journal migrate</c>): each reservation is one statement that adds the weight only while the
/// window's total stays within the limit, so any number of processes on any number of machines together never reserve
/// more. Rows of windows that ended before the previous one are deleted as windows go by.
/// </summary>
public sealed class PostgresUidWeightStore : IUidWeightStore, IDisposable
{
    private const string ReserveSql = """
        INSERT INTO uid_weight AS w (account, budget, window_start_ms, window_ms, used) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (account, budget, window_start_ms) DO UPDATE SET used = w.used + EXCLUDED.used
          WHERE w.used + EXCLUDED.used <= $6
        RETURNING used;
        """;

    private const string RaiseSql = """
        INSERT INTO uid_weight AS w (account, budget, window_start_ms, window_ms, used) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (account, budget, window_start_ms) DO UPDATE SET used = greatest(w.used, EXCLUDED.used);
        """;

    private const string ReturnSql =
        "UPDATE uid_weight SET used = greatest(0, used - $4) WHERE account = $1 AND budget = $2 AND window_start_ms = $3;";

    private const string PruneSql = "DELETE FROM uid_weight WHERE window_start_ms + 2 * window_ms <= $1;";

    private readonly NpgsqlDataSource _source;
    private long _prunedBeforeMs = long.MinValue;

    /// <summary>Uses the journal database <paramref name="address"/> names (its connections are pooled; opened on first use).</summary>
    public PostgresUidWeightStore(PostgresJournalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _source = NpgsqlDataSource.Create(address.ConnectionString);
    }

    /// <inheritdoc/>
    public async ValueTask<int?> TryReserveAsync(UidWeightWindow window, int weight, int limit, CancellationToken cancellationToken)
    {
        if (weight > limit)
        {
            return null;
        }

        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PruneBeforeAsync(connection, window.WindowStartMs, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, ReserveSql, window, weight);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var used = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return used is int u ? u : null;
    }

    /// <inheritdoc/>
    public async ValueTask ReturnAsync(UidWeightWindow window, int weight, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, ReturnSql, window, weight, withWindowLength: false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask RaiseAsync(UidWeightWindow window, int used, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, RaiseSql, window, used);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The weight counted in one window (0 when it has no row), for tests and diagnostics.</summary>
    public async ValueTask<int> UsedAsync(UidWeightWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT used FROM uid_weight WHERE account = $1 AND budget = $2 AND window_start_ms = $3;", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.Account });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.Budget });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = window.WindowStartMs });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int used ? used : 0;
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _source.Dispose();

    /// <summary>Once per new window seen by this process: rows older than the previous window are no longer counted.</summary>
    private async ValueTask PruneBeforeAsync(NpgsqlConnection connection, long windowStartMs, CancellationToken cancellationToken)
    {
        var pruned = Interlocked.Read(ref _prunedBeforeMs);
        if (windowStartMs <= pruned || Interlocked.CompareExchange(ref _prunedBeforeMs, windowStartMs, pruned) != pruned)
        {
            return;
        }

        await using var command = new NpgsqlCommand(PruneSql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = windowStartMs });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, UidWeightWindow window, int weight, bool withWindowLength = true)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.Account });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.Budget });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = window.WindowStartMs });
        if (withWindowLength)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = window.WindowMs });
        }

        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = weight });
        return command;
    }
}
