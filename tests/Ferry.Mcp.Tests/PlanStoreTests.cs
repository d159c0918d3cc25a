using Ferry.Engine.Plans;
using System.Text.Json.Nodes;
using Ferry.Cli;
using Ferry.Cli.Mcp;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Protocol;

namespace Ferry.Mcp.Tests;

/// <summary>The plan store on an injected clock (no sleeping), --plan-ttl parsing, and the tool boundary.</summary>
public sealed class PlanStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class NoopPlan : McpPlan
    {
        public override string Kind => "test";
        public override bool TouchesMainnet => false;
        public override string ConsentSummary => "";
        public override JsonObject Describe() => [];
        public override Task<CallToolResult> ExecuteAsync(string planId, CliBridge bridge, CancellationToken ct) => throw new InvalidOperationException();
    }

    [Fact]
    public void A_plan_runs_before_its_time_to_live_and_once()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new PlanStore(clock, TimeSpan.FromMinutes(5));
        var (id, expires) = store.Add(new NoopPlan());
        Assert.Equal(clock.GetUtcNow().AddMinutes(5), expires);
        clock.SetUtcNow(expires.AddTicks(-1));
        Assert.NotNull(store.Find(id));
        Assert.NotNull(store.Claim(id));
        var replay = Assert.Throws<PlanUnavailableException>(() => store.Claim(id));
        Assert.Equal("replayed", replay.Kind);
        Assert.Contains(id, replay.Message);
    }

    [Fact]
    public void A_plan_at_or_past_its_expiry_is_refused_with_its_id()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new PlanStore(clock, PlanStore.DefaultTimeToLive);
        var (id, expires) = store.Add(new NoopPlan());
        clock.SetUtcNow(expires);
        var expired = Assert.Throws<PlanUnavailableException>(() => store.Claim(id));
        Assert.Equal("expired", expired.Kind);
        Assert.Contains(id, expired.Message);
        Assert.Equal("unknown", Assert.Throws<PlanUnavailableException>(() => store.Find("plan_nope")).Kind);
        Assert.NotEqual(id, store.Add(new NoopPlan()).Id);
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("0s", 0)]
    [InlineData("90s", 90)]
    [InlineData("24h", 86400)]
    public void Plan_ttl_values_parse(string text, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), PlanStore.ParseTtl(text));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("-1m")]
    [InlineData("25h")]
    [InlineData("1d")]
    [InlineData("abc")]
    public void Bad_plan_ttl_values_are_refused(string text) => Assert.Null(PlanStore.ParseTtl(text));

    [Fact]
    public async Task The_tool_boundary_turns_an_unexpected_exception_into_one_sentence_without_a_stack_trace()
    {
        var home = FerryMcpProcess.NewHome();
        try
        {
            var env = new CliEnvironment
            {
                Out = TextWriter.Null, Error = TextWriter.Null, In = TextReader.Null, IsInteractive = false,
                GetEnvironmentVariable = name => name == "FERRY_HOME" ? home : null,
            };
            var boundary = new ToolBoundary(env);
            var result = await boundary.RunAsync("boom", _ => throw new InvalidOperationException("the ledger fell over"), CancellationToken.None);
            Assert.True(result.IsError);
            var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
            Assert.Equal("internal: Unexpected internal error (InvalidOperationException): the ledger fell over.", text);
            Assert.DoesNotContain(" at ", result.StructuredContent!.Value.GetRawText());

            var refused = await boundary.RunAsync("cli", _ => throw CliException.Refused("No."), CancellationToken.None);
            Assert.Equal("refused", JsonNode.Parse(refused.StructuredContent!.Value.GetRawText())!["error"]!["kind"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
