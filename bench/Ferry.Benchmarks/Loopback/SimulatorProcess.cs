using System.Diagnostics;

namespace Ferry.Benchmarks.Loopback;

/// <summary>The parent's handle on the <c>serve-sim</c> child: starts it, reads its address, and ends it on dispose.</summary>
public sealed class SimulatorProcess : IDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the child's simulator listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet &lt;this assembly&gt; serve-sim</c> (or this apphost) and waits for its <c>listening on</c> line.</summary>
    public static async Task<SimulatorProcess> StartAsync(TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = self;
            info.ArgumentList.Add(typeof(Program).Assembly.Location);
        }
        else
        {
            info.FileName = self;
        }

        info.ArgumentList.Add("serve-sim");
        var process = Process.Start(info) ?? throw new InvalidOperationException("The simulator child did not start.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(startTimeout);
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The simulator child exited before it was listening (exit code {ExitCode(process)}).");
                if (line.StartsWith(SimulatorChild.ListeningPrefix, StringComparison.Ordinal))
                {
                    var address = new Uri(line[SimulatorChild.ListeningPrefix.Length..].Trim());
                    _ = DrainAsync(process.StandardOutput);
                    return new SimulatorProcess(process, address);
                }
            }
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Closes the child's stdin (its signal to stop), and kills it if it has not exited within five seconds.</summary>
    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static async Task DrainAsync(StreamReader output)
    {
        try
        {
            while (await output.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    private static string ExitCode(Process process) =>
        process.WaitForExit(TimeSpan.FromSeconds(2)) ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none yet";
}
