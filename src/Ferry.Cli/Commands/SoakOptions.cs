using System.Globalization;

namespace Ferry.Cli.Commands;

/// <summary>What 'ferry sim soak' was asked to do.</summary>
internal sealed record SoakOptions(int Count, double Rate, int Seed, int KillEvery, int Processes, bool Json, int Workers = 0)
{
    public void Validate()
    {
        if (Count is < 1 or > 1_000_000) throw CliException.BadInput($"--transfers {Count} is out of range; use 1 to 1000000.");
        if (Rate is < 0 or > 0.9 || double.IsNaN(Rate)) throw CliException.BadInput($"--fault-rate {Rate.ToString(CultureInfo.InvariantCulture)} is out of range; use a fraction from 0 to 0.9.");
        if (KillEvery < 0) throw CliException.BadInput($"--kill-every {KillEvery} is negative; use 0 (no kills) or a number of transfers.");
        if (Processes is < 1 or > 16) throw CliException.BadInput($"--processes {Processes} is out of range; use 1 to 16.");
        if (Workers is < 0 or > 16) throw CliException.BadInput($"--workers {Workers} is out of range; use 1 to 16 (or leave it out).");
        if (Workers > 0 && Processes > 1) throw CliException.BadInput("--workers and --processes are two ways to run the soak; give one of them.");
    }

    /// <summary>Child processes do the work when there are kills or several processes.</summary>
    public bool Supervised => KillEvery > 0 || Processes > 1;
}
