namespace Ferry.Benchmarks.Journal;

/// <summary>
/// <c>journal [--legs N] [--small S] [--big L] [--repeats R] [--dir PATH]</c>: what the journal costs a leg (<see cref="JournalLegBench"/>), then
/// how <c>journal list</c> and <c>journal resume latest</c> grow with the journal (<see cref="JournalListBench"/>).
/// </summary>
public static class JournalBench
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = JournalBenchOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await JournalLegBench.RunAsync(options, deadline.Token).ConfigureAwait(false);
            JournalListBench.Run(options);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The run failed: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
