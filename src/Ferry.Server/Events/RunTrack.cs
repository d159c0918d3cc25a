using System.Threading.Channels;
using Ferry.Server.Api;

namespace Ferry.Server.Events;

/// <summary>
/// One plan's run as the event stream and the dashboard see it: every event so far (a late subscriber gets them all,
/// then the live ones), the progress counts, and how it ended (the run, or the problem that stopped it).
/// </summary>
internal sealed class RunTrack(string planId, string kind, int total)
{
    private readonly Lock _gate = new();
    private readonly List<RunEventResponse> _events = [];
    private readonly List<ChannelWriter<RunEventResponse>> _listeners = [];
    private int _finished;
    private bool _ended;

    public string PlanId => planId;

    public string Kind => kind;

    public int Total => total;

    public int Finished
    {
        get
        {
            lock (_gate) return _finished;
        }
    }

    /// <summary>The run's answer once it ended done or not (null while running or when a problem stopped it).</summary>
    public ExecutionResponse? Result { get; private set; }

    /// <summary>What stopped the run before it had an answer (a refusal, a policy, an error), in the API's words.</summary>
    public ApiException? Problem { get; private set; }

    /// <summary>True once <c>run-finished</c> was published.</summary>
    public bool Ended
    {
        get
        {
            lock (_gate) return _ended;
        }
    }

    /// <summary>Called with every event, after it is recorded (the server-wide stream).</summary>
    public Action<RunEventResponse>? Forward { get; init; }

    public void Started() => Publish("run-started", null, null, null, null, $"{kind} {planId} started: {total} move(s).");

    public void Planned(IReadOnlyList<PlanMoveResponse> moves)
    {
        foreach (var move in moves)
        {
            foreach (var leg in move.Legs) Publish("leg-planned", move.MoveId, null, leg, null, null);
        }
    }

    public void MoveFinished(ExecutionMoveResponse move)
    {
        lock (_gate) _finished++;
        foreach (var leg in move.Legs) Publish(leg.State == "planned" ? "leg-unsent" : "leg-" + leg.State, move.MoveId, move.Outcome, null, leg, leg.Message);
        Publish("move-finished", move.MoveId, move.Outcome, null, null, move.Message);
    }

    public void End(ExecutionResponse run)
    {
        Result = run;
        lock (_gate) _finished = total;
        Publish("run-finished", null, run.Outcome, null, null, run.Message, last: true);
    }

    public void Fail(ApiException problem)
    {
        Problem = problem;
        Publish("run-finished", null, problem.Outcome, null, null, problem.Message, last: true);
    }

    /// <summary>Every event so far and a reader of the ones to come (completed after the last).</summary>
    public (IReadOnlyList<RunEventResponse> Past, ChannelReader<RunEventResponse> Live) Subscribe()
    {
        var channel = Channel.CreateUnbounded<RunEventResponse>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_ended) channel.Writer.Complete();
            else _listeners.Add(channel.Writer);
            return ([.. _events], channel.Reader);
        }
    }

    private void Publish(string type, string? moveId, string? outcome, PlanLegResponse? leg, ExecutionLegResponse? result, string? message, bool last = false)
    {
        RunEventResponse e;
        lock (_gate)
        {
            e = new RunEventResponse(_events.Count + 1, type, planId, kind, _finished, total, moveId, outcome, leg, result, message);
            _events.Add(e);
            foreach (var listener in _listeners)
            {
                listener.TryWrite(e);
                if (last) listener.TryComplete();
            }
            if (last)
            {
                _listeners.Clear();
                _ended = true;
            }
        }
        Forward?.Invoke(e);
    }
}
