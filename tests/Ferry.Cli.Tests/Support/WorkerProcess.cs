using System.Diagnostics;
using System.Text;

namespace Ferry.Cli.Tests.Support;

/// <summary>A real <c>ferry</c> process on a FERRY_HOME and what it printed (standard output and its log on standard
/// error); disposing it kills it if it still runs.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    private WorkerProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output { get { lock (_gate) return _out.ToString(); } }

    public string Errors { get { lock (_gate) return _err.ToString(); } }

    /// <summary>Everything it printed, for a failed assertion's message.</summary>
    public string All => $"exit {(Process.HasExited ? Process.ExitCode : -1)}\n{Output}\n{Errors}";

    /// <summary>Starts <c>ferry <paramref name="args"/></c> with FERRY_HOME <paramref name="home"/>.</summary>
    public static WorkerProcess Start(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ferry.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["FERRY_HOME"] = home;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var worker = new WorkerProcess(new Process { StartInfo = start });
        worker.Process.OutputDataReceived += (_, e) => worker.Append(worker._out, e.Data);
        worker.Process.ErrorDataReceived += (_, e) => worker.Append(worker._err, e.Data);
        worker.Process.Start();
        worker.Process.BeginOutputReadLine();
        worker.Process.BeginErrorReadLine();
        return worker;
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (_gate) to.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // SIGKILL ends a stopped process too.
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        Process.Dispose();
    }
}
