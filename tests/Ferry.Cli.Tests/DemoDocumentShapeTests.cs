using System.Text.Json.Nodes;
using Ferry.Cli.Commands;
using Ferry.Cli.Output.Json;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Tests;

/// <summary>The demo's shapes that its golden run does not reach: ids that are not digits, and a refusal without the exchange's error.</summary>
public sealed class DemoDocumentShapeTests
{
    [Theory]
    [InlineData("100000001")]
    [InlineData("ab-12")]
    [InlineData("-5")]
    [InlineData(null)]
    public void An_id_is_a_number_when_it_is_digits_else_text_as_LegJson_writes_it(string? id)
    {
        var expected = new JsonObject { ["amount"] = "1", ["asset"] = "USDT", ["from"] = "spot", ["to"] = "usdm", ["type"] = "MAIN_UMFUTURE", ["tranId"] = LegJson.Id(id) };
        Assert.Equal(expected.ToJsonString(),
            CompactJson.Serialize(new DemoMoveDocument("1", "USDT", "spot", "usdm", "MAIN_UMFUTURE", id), CliJsonContext.Default.DemoMoveDocument));
    }

    [Fact]
    public void A_refusal_is_the_exchange_error_or_only_a_message()
    {
        var error = new ExchangeError(400, "-5002", "You have insufficient balance.");
        Assert.Equal(PlanJson.Error(error).ToJsonString(),
            CompactJson.Serialize(DemoRefusalDocument.Of(error, "ignored"), CliJsonContext.Default.DemoRefusalDocument));
        Assert.Equal("""{"message":"It moved."}""",
            CompactJson.Serialize(DemoRefusalDocument.Of(null, "It moved."), CliJsonContext.Default.DemoRefusalDocument));
    }
}
