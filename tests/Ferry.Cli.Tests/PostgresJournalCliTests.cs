using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ferry.Engine.Postgres;
using Ferry.Testing.Postgres;
using Npgsql;

namespace Ferry.Cli.Tests;

/// <summary>
/// The journal in PostgreSQL from the command line: chosen by FERRY_JOURNAL or --journal, created by 'ferry journal
/// migrate', filled by 'ferry journal copy'; and every way the database can be unusable (no server, wrong password, no
/// schema, a newer schema, a malformed address) is one sentence, exit 4 (exit 2 for a malformed --journal), nothing sent
/// and no password anywhere in the output.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalCliTests(PostgresServer server) : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly PostgresDatabase _database = server.CreateDatabase();

    public void Dispose()
    {
        _cli.Dispose();
        _database.Dispose();
    }

    private static string[] Transfer(decimal amount, params string[] more) =>
        ["transfer", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "USDT", "--from", "spot", "--to", "funding", .. more];

    private static IReadOnlyList<string> EntryIds(CliRun.Result list) =>
        [.. JsonDocument.Parse(list.Out).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Migrate_creates_the_schema_and_the_journal_commands_then_use_postgres_by_FERRY_JOURNAL_or_journal()
    {
        var migrate = await _cli.RunAsync("journal", "migrate", "--journal", _database.Url(), "--json");
        Assert.True(migrate.ExitCode == 0, migrate.All);
        var doc = JsonDocument.Parse(migrate.Out).RootElement;
        Assert.Equal(("postgres", PostgresTransferJournal.SchemaVersion), (doc.GetProperty("store").GetString(), doc.GetProperty("schema").GetInt32()));
        Assert.Equal($"postgres://{PostgresServer.User}@127.0.0.1:{server.Port}/{_database.Name}", doc.GetProperty("journal").GetString());

        _cli.Environment["FERRY_JOURNAL"] = _database.Url();
        var transfer = await _cli.RunAsync(Transfer(5m, "--json"));
        Assert.True(transfer.ExitCode == 0, transfer.All);
        var id = JsonDocument.Parse(transfer.Out).RootElement.GetProperty("journalId").GetString()!;
        _cli.Environment.Remove("FERRY_JOURNAL");

        Assert.Equal([id], EntryIds(await _cli.RunAsync("journal", "list", "--json", "--journal", _database.ConnectionString())));
        Assert.Empty(EntryIds(await _cli.RunAsync("journal", "list", "--json")));
        Assert.Equal(0, (await _cli.RunAsync("journal", "show", id, "--journal", _database.Url())).ExitCode);
    }

    [Fact]
    public async Task A_transfer_on_a_postgres_journal_reserves_its_uid_weight_in_the_database_under_a_hash_of_the_key()
    {
        Assert.Equal(0, (await _cli.RunAsync("journal", "migrate", "--journal", _database.Url())).ExitCode);

        var transfer = await _cli.RunAsync(Transfer(5m, "--journal", _database.Url()));
        Assert.True(transfer.ExitCode == 0, transfer.All);

        using var c = new NpgsqlConnection(_database.ConnectionString());
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT account, budget, used FROM uid_weight;", c);
        using var row = cmd.ExecuteReader();
        Assert.True(row.Read());
        Assert.Matches("^[0-9a-f]{32}$", row.GetString(0));
        Assert.Equal(("POST /sapi/v1/asset/transfer", 300), (row.GetString(1), row.GetInt32(2)));
        Assert.False(row.Read());
    }

    [Fact]
    public async Task Copy_moves_every_entry_of_the_sqlite_journal_and_refuses_a_target_that_is_not_empty()
    {
        foreach (var amount in new[] { 1m, 2m, 3m }) Assert.Equal(0, (await _cli.RunAsync(Transfer(amount))).ExitCode);
        var sqliteIds = EntryIds(await _cli.RunAsync("journal", "list", "--json"));

        var copy = await _cli.RunAsync("journal", "copy", "--from", "sqlite", "--to", _database.Url(), "--json");
        Assert.True(copy.ExitCode == 0, copy.All);
        var doc = JsonDocument.Parse(copy.Out).RootElement;
        Assert.Equal((3, true), (doc.GetProperty("copied").GetInt32(), doc.GetProperty("matches").GetBoolean()));
        var done = doc.GetProperty("tallies").EnumerateArray().Single(t => t.GetProperty("tally").GetString() == "done");
        Assert.Equal((3L, 3L), (done.GetProperty("source").GetInt64(), done.GetProperty("target").GetInt64()));
        Assert.Equal(sqliteIds, EntryIds(await _cli.RunAsync("journal", "list", "--json", "--journal", _database.Url())));

        var again = await _cli.RunAsync("journal", "copy", "--from", "sqlite", "--to", _database.Url());
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("already holds entries; copy only into an empty journal; nothing was copied.", again.Error);
    }

    [Fact]
    public async Task An_unreachable_server_is_exit_4_in_one_sentence_and_nothing_is_sent()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var run = await _cli.RunAsync(Transfer(5m, "--journal", $"postgres://ferry:hunter2hunter2@127.0.0.1:{port}/ferry"));
        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith($"ferry: The PostgreSQL server at 127.0.0.1:{port} cannot be reached (", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("hunter2", run.All);
        await AssertNothingSent();
    }

    [Fact]
    public async Task A_wrong_password_is_exit_4_and_no_password_reaches_the_output_or_the_log()
    {
        await PostgresTransferJournalMigrateAsync();
        const string wrong = "wrong-password-31337";
        var run = await _cli.RunAsync(Transfer(5m, "--journal", _database.Url(wrong), "--verbose"));
        Assert.Equal(4, run.ExitCode);
        Assert.Contains($"ferry: The PostgreSQL server at 127.0.0.1:{server.Port} refused the login of user {PostgresServer.User} (wrong password or no such user); check the journal's address.", run.Error);
        Assert.DoesNotContain(wrong, run.All);

        // A working journal with --verbose: the real password is in no line either.
        var ok = await _cli.RunAsync(Transfer(5m, "--journal", _database.Url(), "--verbose"));
        Assert.True(ok.ExitCode == 0, ok.All);
        Assert.DoesNotContain(server.Password, ok.All);
        _cli.Environment["FERRY_LOG"] = "debug";
        await _cli.RunAsync("journal", "list", "--journal", _database.ConnectionString(), "--verbose");
        foreach (var log in Directory.EnumerateFiles(_cli.Home, "*.log", SearchOption.AllDirectories))
            Assert.DoesNotContain(server.Password, await File.ReadAllTextAsync(log));
    }

    [Fact]
    public async Task A_database_without_a_ferry_schema_names_the_migrate_command_and_nothing_is_sent()
    {
        var run = await _cli.RunAsync(Transfer(5m, "--journal", _database.Url()));
        Assert.Equal(4, run.ExitCode);
        Assert.Equal($"ferry: The database {_database.Name} on 127.0.0.1:{server.Port} holds no Ferry journal; create it with " +
            $"'ferry journal migrate --journal postgres://{PostgresServer.User}@127.0.0.1:{server.Port}/{_database.Name}'.", run.Error.Trim());
        await AssertNothingSent();
    }

    [Fact]
    public async Task A_journal_written_by_a_newer_ferry_is_refused_and_nothing_is_sent()
    {
        await PostgresTransferJournalMigrateAsync();
        using (var c = new NpgsqlConnection(_database.ConnectionString()))
        {
            c.Open();
            using var cmd = new NpgsqlCommand("UPDATE ferry_schema SET version = 99;", c);
            cmd.ExecuteNonQuery();
        }
        var run = await _cli.RunAsync(Transfer(5m, "--journal", _database.Url()));
        Assert.Equal(4, run.ExitCode);
        Assert.Contains($"was written by a newer Ferry (schema 99, this build knows {PostgresTransferJournal.SchemaVersion}); upgrade Ferry rather than risk misreading it.", run.Error);
        await AssertNothingSent();
    }

    [Fact]
    public async Task A_malformed_journal_option_is_bad_input_that_does_not_repeat_its_text()
    {
        var run = await _cli.RunAsync("journal", "list", "--journal", "postgres://ferry:s3cret-s3cret@/ferry");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ferry: --journal: The journal URL is not of the form postgres://user:password@host:port/database.", run.Error.Trim());
        _cli.Environment["FERRY_JOURNAL"] = "Host=;Password=s3cret-s3cret";
        var configured = await _cli.RunAsync("journal", "list");
        Assert.Equal(4, configured.ExitCode);
        Assert.DoesNotContain("s3cret", configured.All);
    }

    private Task<int> PostgresTransferJournalMigrateAsync() =>
        Ferry.Engine.Postgres.PostgresTransferJournal.MigrateAsync(Ferry.Engine.Postgres.PostgresJournalAddress.Parse(_database.ConnectionString()));

    /// <summary>The embedded simulator's own history holds no transfer.</summary>
    private async Task AssertNothingSent()
    {
        var history = await _cli.RunAsync("history", "--json");
        Assert.True(history.ExitCode == 0, history.All);
        Assert.DoesNotContain("\"MAIN_FUNDING\"", history.Out);
    }
}
