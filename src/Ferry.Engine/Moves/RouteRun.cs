using Ferry.Engine.Execution;
using Ferry.Engine.Journal;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Moves;

/// <summary>What became of one move's route: the route runner's account of it (every leg's journal entry, where the money
/// is) and the answers of the legs sent in this run, in order.</summary>
/// <param name="Route">The route as the journal holds it after the run.</param>
/// <param name="Sent">The answer to each leg sent in this run.</param>
/// <param name="Outcome">Done when every leg is done; else how the leg it stopped at ended (NotSent when it was never sent).</param>
/// <param name="NotSentReason">Why the stopping leg was not sent, when it was not.</param>
public sealed record RouteRun(RouteResult Route, IReadOnlyList<LegSendResult> Sent, OutcomeKind Outcome, NotSentReason? NotSentReason)
{
    /// <summary>One sentence: complete, or where it stopped and where the money is.</summary>
    public string Message => Route.Message;

    /// <summary>The journal ids of the route's legs, in order.</summary>
    public IReadOnlyList<string> JournalIds => Route.Legs.Select(l => l.Entry.Id).ToList();
}
