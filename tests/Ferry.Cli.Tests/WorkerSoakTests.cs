using Ferry.Cli.Tests.Support;
using Ferry.Testing.Postgres;

namespace Ferry.Cli.Tests;

/// <summary>
/// <c>ferry sim soak --workers N</c>: the transfers are queued and run by real <c>ferry worker</c> processes on one journal
/// (the test's PostgreSQL server, or a file) while workers are SIGKILLed; the simulator's own record shows every move once.
/// A journal that cannot be used or already holds work is refused before anything starts.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerSoakTests(PostgresServer server) : IDisposable
{
    private readonly PostgresDatabase _database = server.CreateDatabase();
    private readonly CliRun _cli = new();

    public void Dispose()
    {
        _cli.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Four_workers_on_a_postgres_journal_with_kills_move_every_transfer_exactly_once()
    {
        var (code, stdout, stderr) = await SoakAsync("--journal", _database.Url(), "--workers", "4", "--transfers", "60", "--fault-rate", "0.2",
            "--kill-every", "15", "--seed", "18");

        var lines = stdout.TrimEnd().Split('\n');
        Assert.True(code == 0, $"seed 18: exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("transfers=60 duplicates=0 losses=0 unresolved=0 conserved=true", lines[^1]);
        Assert.Matches(@"kills: [1-9]", lines[^3]);
        Assert.Contains($"4 worker processes on postgres://{PostgresServer.User}@127.0.0.1:{server.Port}/{_database.Name}", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, stdout + stderr, StringComparison.Ordinal);
        // The units and legs are in the database: 60 units, all final.
        var status = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("worker", "status", "--json", "--journal", _database.Url())).Out).RootElement;
        Assert.Equal((0, 0), (status.GetProperty("queued").GetInt32(), status.GetProperty("running").GetInt32()));
        Assert.Equal(60, status.GetProperty("done").GetInt32() + status.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Two_workers_on_the_default_file_journal_with_kills_move_every_transfer_exactly_once()
    {
        var (code, stdout, stderr) = await SoakAsync("--workers", "2", "--transfers", "30", "--fault-rate", "0.2", "--kill-every", "10", "--seed", "5");

        Assert.True(code == 0, $"seed 5: exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("transfers=30 duplicates=0 losses=0 unresolved=0 conserved=true", stdout.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task A_wrong_database_password_is_one_sentence_exit_4_and_nothing_starts()
    {
        var (code, stdout, stderr) = await SoakAsync("--journal", _database.Url(password: "not-the-password"), "--workers", "4", "--transfers", "10");

        Assert.Equal(4, code);
        Assert.Equal("", stdout);
        Assert.Equal($"ferry: The PostgreSQL server at 127.0.0.1:{server.Port} refused the login of user {PostgresServer.User} (wrong password or no such user); check the journal's address.",
            stderr.Trim());
    }

    [Fact]
    public async Task An_unreachable_database_is_one_sentence_exit_4()
    {
        var (code, stdout, stderr) = await SoakAsync("--journal", $"postgres://{PostgresServer.User}:x@127.0.0.1:1/ferry", "--workers", "2", "--transfers", "10");

        Assert.Equal(4, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("ferry: ", stderr, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_that_already_holds_work_is_refused_with_exit_2_and_its_unit_stays_queued()
    {
        Assert.Equal(0, (await _cli.RunAsync("journal", "migrate", "--journal", _database.Url())).ExitCode);
        var queued = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "funding", "--queue", "--journal", _database.Url());
        Assert.True(queued.ExitCode == 0, queued.All);

        var (code, stdout, stderr) = await SoakAsync("--journal", _database.Url(), "--workers", "2", "--transfers", "10");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"ferry: The journal postgres://{PostgresServer.User}@127.0.0.1:{server.Port}/{_database.Name} already holds entries or work units; "
            + "the soak counts every move in it, so give it an empty one (a new database).", stderr.Trim());
        var status = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("worker", "status", "--json", "--journal", _database.Url())).Out).RootElement;
        Assert.Equal(1, status.GetProperty("queued").GetInt32());
    }

    [Fact]
    public async Task Workers_and_processes_together_are_bad_input()
    {
        var (code, _, stderr) = await SoakAsync("--workers", "2", "--processes", "2", "--transfers", "10");

        Assert.Equal(2, code);
        Assert.Equal("ferry: --workers and --processes are two ways to run the soak; give one of them.", stderr.Trim());
    }

    private static Task<(int Code, string Out, string Error)> SoakAsync(params string[] args) => SoakProcess.RunAsync("ferry-worker-soak-", args);
}
