using System.Net;
using System.Text;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>
/// The in-process simulator (<see cref="SimulatorHost.StartInProcess"/> and its handler) answers exactly what the same
/// simulator answers over Kestrel on loopback: two simulators seeded alike, on one fake clock, get the same signed
/// requests and must give the same status, the same headers the clients read and the same body bytes; and a
/// dropped-connection fault still commits the move and then fails the request as a reset connection does.
/// </summary>
public sealed class InProcessSimulatorHandlerTests
{
    private static readonly string[] HeadersClientsRead = ["Content-Type", "Content-Length", "X-SAPI-USED-IP-WEIGHT-1M", "X-SAPI-USED-UID-WEIGHT-1M", "X-MBX-USED-WEIGHT-1M", "Retry-After"];

    [Fact]
    public async Task Signed_binance_and_htx_requests_get_the_same_answers_in_process_as_over_loopback()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var loopback = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo(), Time = clock });
        await using var inProcess = SimulatorHost.StartInProcess(new SimulatorOptions { Scenario = ScenarioDocument.Demo(), Time = clock });
        using var overSocket = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = loopback.BaseAddress };
        using var handler = inProcess.CreateHandler();
        using var overHandler = new HttpClient(handler, disposeHandler: false) { BaseAddress = inProcess.BaseAddress };

        var signer = TestSigner.Hmac(ScenarioDocument.DemoApiKey, ScenarioDocument.DemoSecret);
        var requests = new List<Func<HttpRequestMessage>>
        {
            () => new HttpRequestMessage(HttpMethod.Get, "api/v3/time"),
            () => Signed(signer, HttpMethod.Post, "sapi/v1/asset/transfer", $"type=MAIN_UMFUTURE&asset=USDT&amount=12.5&timestamp={clock.NowMs}", inBody: true),
            () => Signed(signer, HttpMethod.Post, "sapi/v1/asset/transfer", $"type=MAIN_UMFUTURE&asset=USDT&amount=1&timestamp={clock.NowMs}", inBody: false),
            () => Signed(signer, HttpMethod.Get, "sapi/v1/asset/transfer", $"type=MAIN_UMFUTURE&timestamp={clock.NowMs}", inBody: false),
            () => Signed(TestSigner.Hmac(ScenarioDocument.DemoApiKey, "wrong-secret"), HttpMethod.Post, "sapi/v1/asset/transfer",
                $"type=MAIN_UMFUTURE&asset=USDT&amount=1&timestamp={clock.NowMs}", inBody: true),
            () => new HttpRequestMessage(HttpMethod.Get, "_sim/balances?owner=master%40example.com"),
            () => new HttpRequestMessage(HttpMethod.Get, "sapi/v1/no/such/endpoint"),
        };
        foreach (var request in requests)
        {
            using var a = await overSocket.SendAsync(request());
            using var b = await overHandler.SendAsync(request());
            var (bodyA, bodyB) = (await a.Content.ReadAsByteArrayAsync(), await b.Content.ReadAsByteArrayAsync());
            Assert.Equal(a.StatusCode, b.StatusCode);
            Assert.Equal(Encoding.UTF8.GetString(bodyA), Encoding.UTF8.GetString(bodyB));
            foreach (var name in HeadersClientsRead) Assert.Equal(Header(a, name), Header(b, name));
        }

        // HTX signs the Host header: the in-process request carries the one HttpClient would send.
        var htxA = new HtxTestClient(overSocket, clock.GetUtcNow, ScenarioDocument.DemoHtxAccessKey, ScenarioDocument.DemoHtxSecretKey);
        var htxB = new HtxTestClient(overHandler, clock.GetUtcNow, ScenarioDocument.DemoHtxAccessKey, ScenarioDocument.DemoHtxSecretKey);
        var transferA = await htxA.TransferAsync("spot", "linear-swap", "usdt", "3", "USDT");
        var transferB = await htxB.TransferAsync("spot", "linear-swap", "usdt", "3", "USDT");
        Assert.Equal(HttpStatusCode.OK, transferA.Status);
        Assert.Equal(transferA.Json.GetRawText(), transferB.Json.GetRawText());

        Assert.Equal(loopback.Balances(), inProcess.Balances());
        Assert.Empty(inProcess.Audit());
    }

    [Fact]
    public async Task A_dropped_answer_in_process_commits_the_move_and_throws_as_a_reset_connection()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var host = SimulatorHost.StartInProcess(new SimulatorOptions
        {
            Scenario = ScenarioDocument.Demo(), Time = clock, Faults = FaultPlan.Parse("drop-after-commit@/sapi/v1/asset/transfer=1"), FaultSeed = 1,
        });
        using var handler = host.CreateHandler();
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.BaseAddress };
        var before = host.History().Count;

        var signer = TestSigner.Hmac(ScenarioDocument.DemoApiKey, ScenarioDocument.DemoSecret);
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(
            Signed(signer, HttpMethod.Post, "sapi/v1/asset/transfer", $"type=MAIN_UMFUTURE&asset=USDT&amount=2&timestamp={clock.NowMs}", inBody: true)));

        Assert.Equal(HttpRequestError.ResponseEnded, failure.HttpRequestError);
        Assert.Equal(before + 1, host.History().Count);
        Assert.Empty(host.Audit());
    }

    [Fact]
    public async Task The_in_process_handler_serves_only_loopback_addresses()
    {
        await using var host = SimulatorHost.StartInProcess(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
        using var handler = host.CreateHandler();
        using var http = new HttpClient(handler, disposeHandler: false);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("https://api.binance.com/api/v3/time"));

        Assert.Contains("only loopback", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://127.0.0.1/"), host.BaseAddress);
    }

    private static HttpRequestMessage Signed(TestSigner signer, HttpMethod method, string path, string parameters, bool inBody)
    {
        var signed = $"{parameters}&signature={signer.Sign(parameters)}";
        var request = inBody
            ? new HttpRequestMessage(method, path) { Content = new StringContent(signed, Encoding.ASCII, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(method, path + "?" + signed);
        request.Headers.Add("X-MBX-APIKEY", signer.ApiKey);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
