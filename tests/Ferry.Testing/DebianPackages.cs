using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ferry.Testing;

/// <summary>
/// Installs the Debian packages a test fixture needs (PostgreSQL, Chromium, the Native AOT toolchain) when they are
/// missing and the tests run as root. Test assemblies run in parallel, and two apt-get runs at once fail on dpkg's lock,
/// so every installer in every test process takes one file lock (util-linux <c>flock</c>) first, checks again under it
/// which packages are still missing, and lets apt-get itself wait for a lock held by anything else.
/// </summary>
public static class DebianPackages
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// <summary>Whether this process runs as root (only root may install).</summary>
    public static bool IsRoot => geteuid() == 0;

    /// <summary>Installs <paramref name="packages"/> (those not installed yet); throws with apt-get's output when it fails.</summary>
    public static void Install(params string[] packages)
    {
        if (packages.Length == 0 || packages.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+')))
            throw new ArgumentException("Give Debian package names.", nameof(packages));
        if (!IsRoot) throw new InvalidOperationException($"Installing {string.Join(", ", packages)} needs root.");
        var names = string.Join(' ', packages);
        var script = "missing=; for p in " + names + "; do " +
                     "dpkg-query -W -f='${Status}' \"$p\" 2>/dev/null | grep -q 'install ok installed' || missing=\"$missing $p\"; done; " +
                     "[ -z \"$missing\" ] || { apt-get -o DPkg::Lock::Timeout=1200 update && " +
                     "apt-get -o DPkg::Lock::Timeout=1200 install -y --no-install-recommends $missing; }";
        var lockFile = Path.Combine(Path.GetTempPath(), "ferry-tests-apt.lock");
        string[] command = File.Exists("/usr/bin/flock")
            ? ["/usr/bin/flock", "-w", ((int)Limit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), lockFile, "sh", "-c", script]
            : ["sh", "-c", script];
        Run(command, names);
    }

    private static void Run(string[] command, string names)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{command[0]}' could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit + TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Installing {names} with apt-get did not finish within {Limit.TotalMinutes} minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Installing {names} with apt-get failed with exit {process.ExitCode}: {(stdout.Result + stderr.Result).Trim()}");
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
