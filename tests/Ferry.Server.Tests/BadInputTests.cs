using System.Net;

namespace Ferry.Server.Tests;

/// <summary>Bad input to every endpoint that takes any: 4xx problem+json with one sentence, nothing journaled, nothing sent.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("""{"amount":5,"asset":"USDT","from":"spot","to":"usdm"}""", "wrong type")]
    [InlineData("""{"amount":"-5","asset":"USDT","from":"spot","to":"usdm"}""", "negative")]
    [InlineData("""{"amount":"0","asset":"USDT","from":"spot","to":"usdm"}""", "zero")]
    [InlineData("""{"amount":"0.000000001","asset":"USDT","from":"spot","to":"usdm"}""", "over-precise")]
    [InlineData("""{"amount":"1e3","asset":"USDT","from":"spot","to":"usdm"}""", "exponent")]
    [InlineData("""{"amount":"5","asset":"USDT","from":"nowhere","to":"usdm"}""", "unknown wallet")]
    [InlineData("""{"amount":"5","asset":"USDT","from":"spot","to":"bob@@example/usdm"}""", "malformed email")]
    [InlineData("""{"amount":"5","asset":"USDT","from":"spot","to":"spot"}""", "same wallet")]
    [InlineData("""{"amount":"5","asset":"US DT","from":"spot","to":"usdm"}""", "bad asset")]
    [InlineData("""{"amount":"5","from":"spot","to":"usdm"}""", "missing asset")]
    [InlineData("""{"amount":"5","asset":"USDT","to":"usdm"}""", "missing from")]
    [InlineData("""{"amout":"5","asset":"USDT","from":"spot","to":"usdm"}""", "unknown field")]
    [InlineData("""{"amount":"5","asset":"USDT","from":"spot","to":"usdm","account":"nobody"}""", "unknown account")]
    [InlineData("""not json""", "not JSON")]
    [InlineData("""[]""", "not an object")]
    [InlineData("""null""", "null")]
    public async Task A_bad_transfer_plan_request_is_refused_with_one_sentence(string body, string what)
    {
        var movesBefore = _api.Host.History().Count;

        var response = await _api.PostAsync("/api/v1/plans/transfer", body);

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "bad-input");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), what);
        Assert.Empty(_api.Journal());
        Assert.Equal(movesBefore, _api.Host.History().Count);
        Assert.Empty(_api.Opened);
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_refused_before_it_is_read()
    {
        // A browser on another site may POST text/plain without asking; it must not reach a plan.
        var response = await _api.PostAsync("/api/v1/plans/transfer", """{"amount":"5","asset":"USDT","from":"spot","to":"usdm"}""", contentType: "text/plain");

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, "bad-input");
    }

    [Fact]
    public async Task A_chunked_body_not_declared_json_is_refused_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/transfer")
        {
            Content = new StringContent("""{"amount":"5","asset":"USDT","from":"spot","to":"usdm"}""", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _api.Client.SendAsync(request);

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, "bad-input");
    }

    [Theory]
    [InlineData("""{"to":"spot"}""")]
    [InlineData("""{"asset":"USDT","to":"spot","keep":"-1"}""")]
    [InlineData("""{"asset":"USDT","to":"spot","keep":"ten"}""")]
    [InlineData("""{"asset":"USDT","to":"spot","wallet":"options"}""")]
    [InlineData("""{"asset":"USDT","to":"spot","from":["not-an-email"]}""")]
    [InlineData("""{"asset":"USDT","to":"htx:spot"}""")]
    public async Task A_bad_sweep_plan_request_is_refused(string body)
    {
        var response = await _api.PostAsync("/api/v1/plans/sweep", body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "bad-input");
        Assert.Empty(_api.Journal());
    }

    [Theory]
    [InlineData("""{"plan":"USDT: [unclosed"}""")]
    [InlineData("""{"plan":""}""")]
    [InlineData("""{"plan":42}""")]
    public async Task A_bad_rebalance_plan_request_is_refused(string body)
    {
        var response = await _api.PostAsync("/api/v1/plans/rebalance", body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "bad-input");
        Assert.Empty(_api.Journal());
    }

    [Theory]
    [InlineData("/api/v1/journal?state=lost")]
    [InlineData("/api/v1/journal?limit=0")]
    [InlineData("/api/v1/journal?limit=5000")]
    [InlineData("/api/v1/history?days=0")]
    [InlineData("/api/v1/history?days=31")]
    [InlineData("/api/v1/history?account=nobody")]
    public async Task A_bad_query_is_refused(string path)
    {
        var response = await _api.GetAsync(path);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "bad-input");
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_refused()
    {
        var response = await _api.GetAsync("/api/v1/journal?limit=many");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "bad-input");
    }

    [Theory]
    [InlineData("POST", "/api/v1/journal/J-none/reconcile")]
    [InlineData("POST", "/api/v1/journal/R-none/resume")]
    [InlineData("GET", "/api/v1/journal/J-none")]
    [InlineData("GET", "/api/v1/nothing-here")]
    public async Task An_unknown_id_or_path_is_not_found(string method, string path)
    {
        var response = await _api.SendAsync(new HttpMethod(method), path, null, null);

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(_api.Journal());
    }
}
