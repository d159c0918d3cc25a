using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Binance;

namespace Ferry.Simulator.Tests.Support;

/// <summary>Where a test client puts the parameters and the signature.</summary>
public enum Placement
{
    /// <summary>Everything in the query, signature last (official Python connector, GET requests).</summary>
    Query,
    /// <summary>Everything in a form body, signature last (ccxt POST, Binance.Net body mode).</summary>
    Body,
    /// <summary>Some parameters in the query, the rest plus the signature in the body.</summary>
    MixedSignatureInBody,
    /// <summary>Some parameters in the query plus the signature, the rest in the body.</summary>
    MixedSignatureInQuery,
}

/// <summary>Starts a simulator per test on real loopback HTTP; after the test, checks the auditor and the totals, then disposes.</summary>
public abstract class SimTestBase : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new FakeTimeProvider(TestClock.Start);

    protected SimulatorHost Host { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected ScenarioDocument Scenario { get; } = TestScenario.Document();

    protected virtual SimRateLimits Limits => new();

    public virtual async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = Scenario, Time = Clock, RateLimits = Limits });
        Http = new HttpClient { BaseAddress = Host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(Host.Audit());
            Assert.Equal(TestScenario.SeededTotals(Scenario).OrderBy(t => t.Key), Host.Totals().OrderBy(t => t.Key));
        }
        finally
        {
            Http.Dispose();
            await Host.DisposeAsync();
        }
    }

    protected decimal Balance(string owner, string wallet, string asset = "USDT", string? symbol = null) =>
        Host.Balances(owner).Where(b => b.Wallet == wallet && b.Symbol == symbol && b.Asset == asset).Sum(b => b.Amount);

    protected Task<SimReply> TransferAsync(
        string type, string amount, string asset = "USDT", string? fromSymbol = null, string? toSymbol = null,
        TestSigner? signer = null, Placement placement = Placement.Query)
    {
        var ps = new List<(string, string)> { ("type", type), ("asset", asset), ("amount", amount) };
        if (fromSymbol is not null) ps.Add(("fromSymbol", fromSymbol));
        if (toSymbol is not null) ps.Add(("toSymbol", toSymbol));
        return SignedAsync(HttpMethod.Post, "sapi/v1/asset/transfer", ps, signer ?? TestScenario.HmacAll, placement);
    }

    /// <summary>Builds, signs and sends a request the way third-party clients do: parameters urlencoded,
    /// timestamp added, the signature computed over query + body and appended last.</summary>
    protected async Task<SimReply> SignedAsync(
        HttpMethod method, string path, IEnumerable<(string Name, string Value)> parameters, TestSigner signer,
        Placement placement = Placement.Query, long? timestamp = null, string? recvWindow = null,
        Func<string, string>? encode = null, Func<string, string>? signatureOverride = null)
    {
        encode ??= Uri.EscapeDataString;
        var ps = parameters.ToList();
        if (recvWindow is not null) ps.Add(("recvWindow", recvWindow));
        ps.Add(("timestamp", (timestamp ?? Clock.NowMs).ToString(CultureInfo.InvariantCulture)));
        string Join(IEnumerable<(string Name, string Value)> items) => string.Join('&', items.Select(p => $"{p.Name}={encode(p.Value)}"));

        var half = ps.Count / 2;
        var (query, body) = placement switch
        {
            Placement.Query => (Join(ps), ""),
            Placement.Body => ("", Join(ps)),
            _ => (Join(ps.Take(half)), Join(ps.Skip(half))),
        };
        var signature = signer.Sign(query + body);
        if (signatureOverride is not null) signature = signatureOverride(signature);
        if (placement is Placement.Query or Placement.MixedSignatureInQuery) query = Append(query, $"signature={signature}");
        else body = Append(body, $"signature={signature}");
        return await SendRawAsync(method, path, query, body, signer.ApiKey);
    }

    protected async Task<SimReply> SendRawAsync(HttpMethod method, string path, string query, string body, string? apiKey)
    {
        using var request = new HttpRequestMessage(method, query.Length == 0 ? path : $"{path}?{query}");
        if (apiKey is not null) request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", apiKey);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        var response = await Http.SendAsync(request);
        return await SimReply.ReadAsync(response);
    }

    private static string Append(string s, string pair) => s.Length == 0 ? pair : $"{s}&{pair}";
}
