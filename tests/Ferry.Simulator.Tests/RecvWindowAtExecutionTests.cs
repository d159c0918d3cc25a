using System.Globalization;
using System.Net;
using System.Text;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>
/// Binance checks a signed request's timestamp against its recvWindow on arrival and again before it forwards the request
/// to its engine. The simulator makes the second check when a write has its turn at the state: a request that waited past
/// its window (a busy state file, a loaded machine) is refused and moves nothing, so no transfer executes later than its
/// timestamp plus recvWindow — the bound a reconciler counts on before it concludes "not executed".
/// </summary>
public sealed class RecvWindowAtExecutionTests : IAsyncDisposable
{
    private const string Master = TestScenario.Master;

    private readonly FakeTimeProvider _clock = new(TestClock.Start);
    private TimeSpan _wait;
    private SimulatorHost? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    private async Task<HttpClient> StartAsync(TimeSpan waitForTurn)
    {
        _wait = waitForTurn;
        // The wait for the state's turn, as a loaded machine would make it: the clock moves while the request waits.
        _host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = TestScenario.Document(), Time = _clock, BeforeStateTurn = () => _clock.Advance(_wait),
        });
        return new HttpClient { BaseAddress = _host.BaseAddress };
    }

    [Fact]
    public async Task A_transfer_that_waited_past_its_recv_window_for_its_turn_is_refused_and_moves_nothing()
    {
        using var http = await StartAsync(TimeSpan.FromMilliseconds(5001));

        var late = await SendAsync(http, HttpMethod.Post, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "5"));

        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Equal("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}", late.Body);
        Assert.Empty(_host!.History());
        Assert.Equal(100m, Amount(Master, "SPOT"));
    }

    [Fact]
    public async Task A_transfer_whose_turn_comes_exactly_at_the_end_of_its_recv_window_executes()
    {
        using var http = await StartAsync(TimeSpan.FromMilliseconds(5000));

        var onTime = await SendAsync(http, HttpMethod.Post, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "5"));

        Assert.Equal(HttpStatusCode.OK, onTime.Status);
        Assert.Single(_host!.History());
        Assert.Equal(105m, Amount(Master, "FUNDING"));
    }

    [Fact]
    public async Task The_recv_window_the_request_names_is_the_one_checked_again()
    {
        using var http = await StartAsync(TimeSpan.FromMilliseconds(20_000));

        var wide = await SendAsync(http, HttpMethod.Post, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "5"), ("recvWindow", "20000"));
        var narrow = await SendAsync(http, HttpMethod.Post, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "6"), ("recvWindow", "19999"));

        Assert.Equal(HttpStatusCode.OK, wide.Status);
        Assert.Equal(HttpStatusCode.BadRequest, narrow.Status);
        Assert.Equal(105m, Amount(Master, "FUNDING"));
    }

    [Fact]
    public async Task A_read_is_checked_on_arrival_only()
    {
        using var http = await StartAsync(TimeSpan.FromMilliseconds(5001));

        var read = await SendAsync(http, HttpMethod.Get, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"));

        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    private decimal Amount(string owner, string wallet) =>
        _host!.Balances(owner).Where(b => b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpMethod method, string path, params (string Name, string Value)[] ps)
    {
        var payload = string.Join('&', ps.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"))
            + $"&timestamp={_clock.NowMs.ToString(CultureInfo.InvariantCulture)}";
        using var request = new HttpRequestMessage(method, $"{path}?{payload}&signature={TestScenario.HmacAll.Sign(payload)}");
        request.Headers.Add("X-MBX-APIKEY", TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }
}
