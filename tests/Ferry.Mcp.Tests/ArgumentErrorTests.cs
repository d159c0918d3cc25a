namespace Ferry.Mcp.Tests;

/// <summary>One <c>ferry mcp</c> process for <see cref="ArgumentErrorTests"/>: its calls are independent and send nothing.</summary>
public sealed class McpProcessFixture : IAsyncLifetime
{
    internal FerryMcpProcess Ferry { get; private set; } = null!;

    public async Task InitializeAsync() => Ferry = await FerryMcpProcess.StartAsync();

    public async Task DisposeAsync() => await Ferry.DisposeAsync();
}

/// <summary>
/// Arguments that break a tool's input schema (a number for a string, a missing or unknown field, a string for an array)
/// get the documented <c>{"error":{kind,code,message}}</c> with kind bad-input and a sentence naming the field, not the
/// SDK's bare "An error occurred invoking ..."; a bad value is never echoed beyond a short prefix.
/// </summary>
public sealed class ArgumentErrorTests(McpProcessFixture fixture) : IClassFixture<McpProcessFixture>
{
    private const string RoundsUp = "0.99999999999999999999999999999999";

    public static TheoryData<string, string, string[]> Calls() => new()
    {
        { "plan_transfer", """{"amount": 1, "asset": "USDT", "from": "spot", "to": "usdm"}""", ["'amount'", "string", "number"] },
        { "plan_transfer", """{"amount": "1", "asset": "USDT", "from": "spot"}""", ["'to'"] },
        { "plan_transfer", "{}", ["'amount'", "'asset'", "'from'", "'to'"] },
        { "plan_transfer", """{"amount": null, "asset": "USDT", "from": "spot", "to": "usdm"}""", ["'amount'", "null"] },
        { "plan_transfer", """{"amount": "1", "asset": "USDT", "from": "spot", "to": "usdm", "acount": "live"}""", ["'acount'", "plan_transfer"] },
        { "plan_transfer", """{"amount": ["1"], "asset": "USDT", "from": "spot", "to": "usdm"}""", ["'amount'", "array"] },
        { "plan_transfer", """{"amount": {"value": "1"}, "asset": "USDT", "from": "spot", "to": "usdm"}""", ["'amount'", "object"] },
        { "plan_transfer", $$"""{"amount": "{{RoundsUp}}", "asset": "USDT", "from": "spot", "to": "usdm"}""", ["more than 8 decimal places", "Binance"] },
        { "execute_plan", """{"planId": 12345}""", ["'planId'", "string"] },
        { "journal_list", """{"limit": "5"}""", ["'limit'", "whole number"] },
        { "journal_list", """{"limit": 1.5}""", ["'limit'", "whole number"] },
        { "journal_list", """{"limit": 99999999999}""", ["'limit'", "whole number"] },
        { "journal_reconcile", """{"wait": "no"}""", ["'wait'", "true or false"] },
        { "plan_sweep", """{"asset": "USDT", "to": "spot", "from": "alice@example.com"}""", ["'from'", "array"] },
        { "plan_sweep", """{"asset": "USDT", "to": "spot", "from": [1]}""", ["'from'", "string"] },
        { "plan_sweep", $$"""{"asset": "USDT", "to": "spot", "keep": "{{RoundsUp}}"}""", ["--keep", "more than 8 decimal places"] },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_that_breaks_the_schema_is_bad_input_naming_the_field(string tool, string arguments, string[] expected)
    {
        var call = (await fixture.Ferry.CallAsync(tool, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments))).Failed("bad-input");
        var message = call.Error["message"]!.GetValue<string>();
        foreach (var text in expected) Assert.Contains(text, message);
        Assert.DoesNotContain("An error occurred", call.All);
        Assert.True(call.Error.ContainsKey("code"), call.All);
    }

    [Theory]
    [InlineData("plan_transfer", "amount")]
    [InlineData("plan_transfer", "asset")]
    [InlineData("plan_transfer", "to")]
    [InlineData("balances", "account")]
    [InlineData("sub_assets", "email")]
    public async Task A_huge_value_is_never_echoed_beyond_a_short_prefix(string tool, string field)
    {
        var huge = "7" + new string('9', 100_000);
        var arguments = tool == "plan_transfer"
            ? new Dictionary<string, object?> { ["amount"] = "1", ["asset"] = "USDT", ["from"] = "spot", ["to"] = "usdm" }
            : new Dictionary<string, object?> { ["email"] = "alice@example.com" };
        arguments[field] = huge;
        var call = (await fixture.Ferry.CallAsync(tool, arguments)).Failed("bad-input");
        Assert.Contains($"'{field}'", call.Error["message"]!.GetValue<string>());
        Assert.True(call.All.Length < 1_000, call.All[..Math.Min(call.All.Length, 2_000)]);
    }
}
