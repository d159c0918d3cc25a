using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace Ferry.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server the tests start themselves: a temporary data folder, 127.0.0.1 on a free port, a socket
/// folder inside the temporary folder, and a superuser that logs in with a SCRAM password (so a wrong password can be
/// tested). As root it runs initdb and pg_ctl as the <c>postgres</c> system user (initdb refuses root), creating that
/// user when needed, and installs Debian's <c>postgresql</c> package when no server binaries are found. One instance
/// serves a whole test assembly (an xunit collection fixture); <see cref="Dispose"/> stops it and deletes its folder.
/// A server that cannot be started throws with the reason, so the tests that need it fail rather than pass unseen.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>The superuser the tests log in as.</summary>
    public const string User = "ferry_test";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asRoot;
    private int _databases;
    private bool _stopped;

    public PostgresServer()
    {
        _asRoot = geteuid() == 0;
        _bin = FindBinaries() ?? InstallBinaries();
        Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        StopAbandoned();
        _folder = CreateFolder(_asRoot);
        ServerOwner.Claim(_folder);
        try
        {
            Port = Start();
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The superuser's password (random per server).</summary>
    public string Password { get; }

    /// <summary>The server's temporary folder (its data, socket, password and log).</summary>
    public string Folder => _folder;

    /// <summary>A connection string to <paramref name="database"/> as the test superuser.</summary>
    public string ConnectionString(string database = "postgres", string? password = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = User, Password = password ?? Password, Database = database,
    }.ConnectionString;

    /// <summary>A <c>postgres://</c> URL of <paramref name="database"/> as the test superuser.</summary>
    public string Url(string database, string? password = null) =>
        $"postgres://{User}:{Uri.EscapeDataString(password ?? Password)}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    /// <summary>A new, empty database, dropped when the returned handle is disposed.</summary>
    public PostgresDatabase CreateDatabase()
    {
        var name = $"ferry_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Admin($"CREATE DATABASE {name};");
        return new PostgresDatabase(this, name);
    }

    /// <summary>Runs one statement on the server's maintenance database.</summary>
    internal void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_folder, "data", "postmaster.pid")))
        {
            TryRun(PgCommand("pg_ctl", "stop", "-D", DataFolder, "-m", "fast", "-w", "-t", "60"));
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is left for the system to clean.
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Stops and removes the servers of test processes that were killed before they could (their folders
    /// under the temporary folder say whose they are), so a killed run leaves nothing running for long.</summary>
    private void StopAbandoned()
    {
        foreach (var folder in ServerOwner.Abandoned(FolderParent(_asRoot)))
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                TryRun(PgCommand("pg_ctl", "stop", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "-t", "60"));
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another test process is removing it at the same moment, or a file is still held open.
            }
        }
    }

    private static string FolderParent(bool asRoot) =>
        asRoot && Directory.Exists("/tmp") ? "/tmp" : Path.TrimEndingDirectorySeparator(Path.GetTempPath());

    /// <summary>The server's temporary folder. As root it lies under /tmp: the postgres user must be able to reach it,
    /// and a TMPDIR under /root is closed to it.</summary>
    private static string CreateFolder(bool asRoot)
    {
        if (!asRoot || !Directory.Exists("/tmp")) return Directory.CreateTempSubdirectory("ferry-pg-").FullName;
        var folder = Path.Combine(FolderParent(asRoot), $"ferry-pg-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private int Start()
    {
        var passwordFile = Path.Combine(_folder, "password");
        File.WriteAllText(passwordFile, Password);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (_asRoot)
        {
            EnsurePostgresUser();
            Run("chown", "-R", "postgres:", _folder);
        }
        // Test-only: --no-sync, and fsync/synchronous_commit/full_page_writes off below, trade crash safety (of a
        // throw-away server) for speed; the journal's own durability comes from the real settings of a real server.
        Run(PgCommand("initdb", "-D", DataFolder, "-U", User, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "-E", "UTF8",
            "--no-locale", "--no-sync"));
        string? lastFailure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var options = string.Join(' ', "-h 127.0.0.1", $"-p {port}", $"-k {_folder}", "-c fsync=off", "-c synchronous_commit=off",
                "-c full_page_writes=off", "-c max_connections=300");
            var (code, output) = TryRun(PgCommand("pg_ctl", "start", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w",
                "-t", "60", "-o", options));
            if (code == 0) return port;
            lastFailure = output + LogTail();
        }
        throw new InvalidOperationException($"PostgreSQL could not be started from {_bin}: {lastFailure}");
    }

    private string LogTail()
    {
        var log = Path.Combine(_folder, "server.log");
        return File.Exists(log) ? " " + string.Join(" ", File.ReadLines(log).TakeLast(5)) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The command line of a server program, as the postgres system user when we are root.</summary>
    private string[] PgCommand(string program, params string[] args)
    {
        var path = Path.Combine(_bin, program);
        return _asRoot ? ["runuser", "-u", "postgres", "--", path, .. args] : [path, .. args];
    }

    private static void EnsurePostgresUser()
    {
        if (TryRun(["id", "-u", "postgres"]).Code == 0) return;
        Run("useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres");
    }

    /// <summary>The newest Debian server (/usr/lib/postgresql/N/bin), else initdb on the PATH; null when there is none.</summary>
    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    /// <summary>As root, installs Debian's postgresql package (non-interactive); otherwise says what is missing.</summary>
    private string InstallBinaries()
    {
        if (!_asRoot)
        {
            throw new InvalidOperationException(
                "PostgreSQL's server programs (initdb, pg_ctl) were not found and this is not root, so they cannot be installed; install the 'postgresql' package.");
        }
        DebianPackages.Install("postgresql");
        return FindBinaries() ?? throw new InvalidOperationException("apt-get installed postgresql but no initdb was found under /usr/lib/postgresql.");
    }

    private static void Run(params string[] command)
    {
        var (code, output) = TryRun(command);
        if (code != 0) throw new InvalidOperationException($"'{string.Join(' ', command)}' failed with exit {code}: {output.Trim()}");
    }

    private static (int Code, string Output) TryRun(string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{command[0]}' could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {StepTimeout.TotalMinutes} minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
