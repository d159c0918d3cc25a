using Ferry.Binance;
using Ferry.Benchmarks.Loopback;
using Ferry.Core.Outcomes;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;

namespace Ferry.Benchmarks.Journal;

/// <summary>One side of the per-leg comparison: the same leg sent with the same client, through the journal
/// (<see cref="JournaledExecutor.ExecuteAsync"/>, as every lone leg of <c>ferry transfer</c> is) or straight.</summary>
public sealed class LegSide(string name, BinanceClient client, TransferLeg leg, ITransferJournal? journal) : ILoopbackSide
{
    public string Name => name;

    public void PrepareBlock()
    {
    }

    public async Task RunBlockAsync(int calls, CancellationToken cancellationToken)
    {
        for (var i = 0; i < calls; i++)
        {
            var result = journal is null
                ? await TransferLegExecutor.ExecuteAsync(client, leg, cancellationToken).ConfigureAwait(false)
                : (await JournaledExecutor.ExecuteAsync(journal, leg.Describe(), c => TransferLegExecutor.ExecuteAsync(client, leg, c), cancellationToken)
                    .ConfigureAwait(false)).Result;
            if (result.Kind != OutcomeKind.Done)
            {
                throw new InvalidOperationException($"A {name} leg did not succeed: {result.Message}");
            }
        }
    }

    public void Dispose()
    {
    }
}
