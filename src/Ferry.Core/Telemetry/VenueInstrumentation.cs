using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ferry.Core.Outcomes;

namespace Ferry.Core.Telemetry;

/// <summary>
/// A venue client's spans and metrics, written once for every client: a span per request (endpoint, weight, outcome) and
/// the request, 429 and weight instruments. Only endpoint paths, weights and outcomes are recorded: never the query (which
/// holds the signature), a header or a key. Costs nothing measurable when nobody listens.
/// </summary>
public sealed class VenueInstrumentation
{
    private readonly string _venue;
    private readonly ActivitySource _source;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rateLimited;
    private readonly Gauge<long> _weightUsed;
    private readonly Gauge<long> _weightLimit;

    /// <summary>One per client library: <paramref name="name"/> is its source's and meter's (<see cref="FerryTelemetry"/>).</summary>
    public VenueInstrumentation(string name, string venue)
    {
        _venue = venue;
        _source = new ActivitySource(name, Ferry.Core.Product.FerryProduct.Version);
        var meter = new Meter(name, Ferry.Core.Product.FerryProduct.Version);
        _requests = meter.CreateCounter<long>("ferry.client.requests", "{request}", "Requests sent or refused, by endpoint and outcome.");
        _duration = meter.CreateHistogram<double>("ferry.client.request.duration", "s", "Time from the first attempt to the outcome, by endpoint and outcome.");
        _rateLimited = meter.CreateCounter<long>("ferry.client.rate_limited", "{response}", "Answers 429 or 418 (rate limit or IP ban), by endpoint.");
        _weightUsed = meter.CreateGauge<long>("ferry.client.weight.used", "{weight}", "Weight used in the current window, as the exchange's headers report it.");
        _weightLimit = meter.CreateGauge<long>("ferry.client.weight.limit", "{weight}", "The window's weight limit the client paces against.");
    }

    /// <summary>The span of one logical request (attempts inside it share it); null when nobody listens.</summary>
    public Activity? StartRequest(string method, string path, int ipWeight, int uidWeight)
    {
        var activity = _source.StartActivity(method + " " + path, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("ferry.venue", _venue);
        activity.SetTag("http.request.method", method);
        activity.SetTag("ferry.endpoint", path);
        activity.SetTag("ferry.weight.ip", ipWeight);
        activity.SetTag("ferry.weight.uid", uidWeight);
        return activity;
    }

    /// <summary>Ends a request with its <paramref name="result"/> (null: an exception escaped, counted as unknown): the
    /// outcome and HTTP status on the span, the request counter and the duration histogram.</summary>
    public void EndRequest<T>(Activity? activity, string method, string path, Outcome<T>? result, TimeSpan elapsed)
    {
        var outcome = result?.Kind ?? OutcomeKind.Unknown;
        var httpStatus = result switch
        {
            Rejected<T> rejected => rejected.Error.HttpStatus,
            Unknown<T> unknown => unknown.HttpStatus,
            Done<T> => 200,
            _ => (int?)null,
        };
        var name = OutcomeName(outcome);
        var tags = new TagList
        {
            { "ferry.venue", _venue },
            { "http.request.method", method },
            { "ferry.endpoint", path },
            { "ferry.outcome", name },
        };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("ferry.outcome", name);
        if (httpStatus is { } status)
        {
            activity.SetTag("http.response.status_code", status);
        }

        // Rejected and NotSent are answers, not faults; Unknown is the one case a person must look at.
        activity.SetStatus(outcome == OutcomeKind.Unknown ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        activity.Dispose();
    }

    /// <summary>An answer 429 (rate limited) or 418 (IP banned).</summary>
    public void RateLimited(string method, string path, int httpStatus) =>
        _rateLimited.Add(1, new TagList
        {
            { "ferry.venue", _venue },
            { "http.request.method", method },
            { "ferry.endpoint", path },
            { "http.response.status_code", httpStatus },
        });

    /// <summary>
    /// The weight the exchange says is used in its current window against the <paramref name="limit"/> the client paces
    /// to; <paramref name="budget"/> names the bucket ("ip", "uid"), <paramref name="scope"/> what shares it (a path, a host).
    /// </summary>
    public void Weight(string budget, string scope, long used, long limit)
    {
        var tags = new TagList { { "ferry.venue", _venue }, { "ferry.weight.budget", budget }, { "ferry.weight.scope", scope } };
        _weightUsed.Record(used, tags);
        _weightLimit.Record(limit, tags);
    }

    /// <summary>
    /// A request's outcome for a log line: its name and what to add ("done", ""; "rejected", " (-2015)"; "not sent",
    /// " (RateBudget)"; "unknown" and the outcome's sentence, which names the endpoint and the failure, never a key or the query).
    /// </summary>
    public static (string Outcome, string Detail) LogSummary<T>(Outcome<T>? result) => result switch
    {
        Unknown<T> unknown => ("unknown", unknown.Message),
        Rejected<T> rejected => ("rejected", " (" + rejected.Error.Code + ")"),
        NotSent<T> notSent => ("not sent", " (" + notSent.Reason + ")"),
        null => ("with an exception", ""),
        _ => ("done", ""),
    };

    /// <summary>The tag value of an outcome: done, rejected, not_sent, unknown.</summary>
    public static string OutcomeName(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Done => "done",
        OutcomeKind.Rejected => "rejected",
        OutcomeKind.NotSent => "not_sent",
        _ => "unknown",
    };
}
