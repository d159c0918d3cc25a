using Ferry.Engine.Execution;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Service;

/// <summary>
/// What executing a proposal (or resuming a route) did. A lone transfer has its journal <see cref="Entry"/> and the
/// answer to its send; a route has the route runner's account of every leg (<see cref="Route"/>) and the answer to the
/// last leg sent in this run.
/// </summary>
/// <param name="Entry">The lone transfer's journal entry after the send (null for a route).</param>
/// <param name="Route">The route's legs and status (null for a lone transfer).</param>
/// <param name="LastSend">The answer to the last send of this run (null when nothing was sent).</param>
public sealed record TransferExecution(JournalEntry? Entry, RouteResult? Route, LegSendResult? LastSend);
