using Ferry.Core.Outcomes;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ferry.Samples.Worker;

/// <summary>
/// Moves money on a schedule through the engine's one door: plan, then execute (journaled before it is sent, never resent
/// blindly). The engine, its clock and its logger come from the container (<c>AddFerry</c>).
/// </summary>
public sealed partial class ScheduledTransferService(TransferService ferry, TimeProvider time, IOptions<ScheduleOptions> schedule,
    IHostApplicationLifetime lifetime, ILogger<ScheduledTransferService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = schedule.Value;
        var move = new TransferRequest(options.Amount, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse("usdm"));
        using var timer = new PeriodicTimer(options.Every, time);
        for (var done = 0; done < options.Times && await timer.WaitForNextTickAsync(stoppingToken); done++)
        {
            var proposal = await ferry.PlanAsync(move, "main", stoppingToken);
            var run = await ferry.ExecuteAsync(proposal, stoppingToken);
            Moved(log, done + 1, options.Amount, run.Entry!.Id, run.LastSend!.Kind);
            if (run.LastSend.Kind == OutcomeKind.Unknown)
            {
                // The journal keeps it; the next run reconciles it against the exchange's history before sending anything.
                break;
            }
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "move {Number}: {Amount} USDT spot -> usdm, journal {EntryId}: {Outcome}")]
    private static partial void Moved(ILogger logger, int number, decimal amount, string entryId, OutcomeKind outcome);
}
