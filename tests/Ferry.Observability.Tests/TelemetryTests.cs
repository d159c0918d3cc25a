using System.Diagnostics;
using Ferry.Core.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ferry.Observability.Tests;

/// <summary>
/// The libraries' spans and metrics as an OpenTelemetry user collects them (<c>AddSource("Ferry.*")</c>,
/// <c>AddMeter("Ferry.*")</c>, the in-memory exporter) over a full run: a span per request and per leg with the documented
/// tags, the request, 429, weight, leg and reconciliation instruments, and no key or signature in any tag.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_full_run_records_the_documented_spans_and_metrics_and_no_secret()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Ferry.*").AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter("Ferry.*").AddInMemoryExporter(metrics).Build();
        string unknownId;
        List<string> journalIds;
        await using (var run = new FerryRun())
        {
            await run.RunAsync(NullLoggerFactory.Instance, CancellationToken.None);
            (unknownId, journalIds) = (run.UnknownEntryId, run.JournalIds);
        }

        Assert.True(tracing.ForceFlush());
        Assert.True(metering.ForceFlush());

        // Requests: endpoint, weights, outcome; the 429 and the lost answer say so.
        var transfers = spans.Where(s => s.Source.Name == FerryTelemetry.BinanceName && s.DisplayName == "POST /sapi/v1/asset/transfer").ToList();
        Assert.All(transfers, s =>
        {
            Assert.Equal("binance", s.GetTagItem("ferry.venue"));
            Assert.Equal("/sapi/v1/asset/transfer", s.GetTagItem("ferry.endpoint"));
            Assert.Equal(300, s.GetTagItem("ferry.weight.uid"));
            Assert.Equal(ActivityKind.Client, s.Kind);
        });
        Assert.Contains(transfers, s => "done".Equals(s.GetTagItem("ferry.outcome")));
        Assert.Contains(transfers, s => "rejected".Equals(s.GetTagItem("ferry.outcome")) && 429.Equals(s.GetTagItem("http.response.status_code")));
        Assert.Contains(transfers, s => "unknown".Equals(s.GetTagItem("ferry.outcome")) && s.Status == ActivityStatusCode.Error);
        Assert.Contains(spans, s => s.Source.Name == FerryTelemetry.HtxName && "done".Equals(s.GetTagItem("ferry.outcome")));

        // Legs: one span per journaled send, the request span inside it.
        var legs = spans.Where(s => s.Source.Name == FerryTelemetry.EngineName && s.DisplayName.StartsWith("ferry.leg", StringComparison.Ordinal)).ToList();
        Assert.Subset(legs.Select(s => (string)s.GetTagItem("ferry.journal.id")!).ToHashSet(), journalIds.ToHashSet());
        var lost = Assert.Single(legs, s => unknownId.Equals(s.GetTagItem("ferry.journal.id")));
        Assert.Equal("unknown", lost.GetTagItem("ferry.leg.state"));
        Assert.Contains(transfers, s => s.ParentSpanId == lost.SpanId && "unknown".Equals(s.GetTagItem("ferry.outcome")));

        // Metrics by name and tags.
        Assert.True(Sum(metrics, "ferry.client.requests", ("ferry.venue", "binance"), ("ferry.outcome", "done")) >= 4);
        Assert.True(Sum(metrics, "ferry.client.requests", ("ferry.venue", "binance"), ("ferry.outcome", "rejected")) >= 3);
        Assert.Equal(1, Sum(metrics, "ferry.client.requests", ("ferry.endpoint", "/sapi/v1/asset/transfer"), ("ferry.outcome", "unknown")));
        Assert.True(Sum(metrics, "ferry.client.requests", ("ferry.venue", "htx"), ("ferry.outcome", "done")) >= 1);
        Assert.Equal(1, Sum(metrics, "ferry.client.rate_limited", ("http.response.status_code", 429)));
        Assert.Equal(6000, Gauge(metrics, "ferry.client.weight.limit", ("ferry.weight.budget", "ip"), ("ferry.weight.scope", "/api")));
        Assert.True(Gauge(metrics, "ferry.client.weight.used", ("ferry.weight.budget", "ip"), ("ferry.weight.scope", "/api")) > 0);
        Assert.Equal(180_000, Gauge(metrics, "ferry.client.weight.limit", ("ferry.weight.budget", "uid"), ("ferry.weight.scope", "/sapi/v1/asset/transfer")));
        Assert.True(Sum(metrics, "ferry.legs", ("ferry.leg.state", "sending")) >= journalIds.Count);
        Assert.True(Sum(metrics, "ferry.legs", ("ferry.leg.state", "done")) >= journalIds.Count);
        Assert.Equal(1, Sum(metrics, "ferry.legs", ("ferry.leg.state", "unknown")));
        Assert.Equal(1, Sum(metrics, "ferry.reconciliations", ("ferry.reconcile.result", "done")));

        // Never a key, a secret or a signature in a span's name or tags.
        foreach (var span in spans)
        {
            var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            foreach (var secret in FerryRun.Secrets)
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("signature", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Where(p => tags.All(t => Has(p, t)));

    private static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags)
    {
        // Cumulative: every export holds the running total, so each meter's last snapshot counts (the Binance and HTX
        // meters have instruments of the same names).
        var last = metrics.Where(m => m.Name == name).GroupBy(m => m.MeterName).Select(g => g.Last()).ToList();
        Assert.True(last.Count > 0, $"no metric {name} was exported");
        return last.SelectMany(m => m.MetricPoints).Where(p => tags.All(t => Has(p, t))).Sum(p => p.GetSumLong());
    }

    private static long Gauge(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags)
    {
        var point = Points(metrics, name, tags).ToList();
        Assert.True(point.Count > 0, $"no {name} point with {string.Join(", ", tags)}");
        return point[^1].GetGaugeLastValueLong();
    }

    private static bool Has(MetricPoint point, (string Key, object Value) tag)
    {
        foreach (var t in point.Tags)
        {
            if (t.Key == tag.Key && Equals(Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)))
                return true;
        }

        return false;
    }
}
