using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry sub</c> accounts verbs on the embedded simulator.</summary>
public sealed class SubCommandAccountsTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<JsonElement> JsonAsync(params string[] args)
    {
        var run = await _cli.RunAsync([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.All);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public async Task List_shows_every_sub_account_not_just_the_first_page_of_one()
    {
        var list = await _cli.RunAsync("sub", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("alice@example.com", list.Out);
        Assert.Contains("bob@example.com", list.Out);
        Assert.Contains("2 sub-account(s).", list.Out);
    }

    [Fact]
    public async Task Create_then_list_and_status_show_the_new_account_across_invocations()
    {
        var created = await JsonAsync("sub", "create", "desk9");
        var email = created.GetProperty("result").GetProperty("email").GetString()!;
        Assert.Matches("^desk9_virtual@[a-z]{8}noemail\\.com$", email);

        var list = await JsonAsync("sub", "list");
        Assert.Contains(email, list.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("email").GetString()));
        var status = await JsonAsync("sub", "status", email);
        Assert.False(status.GetProperty("result")[0].GetProperty("isFutureEnabled").GetBoolean());
    }

    [Fact]
    public async Task Enable_futures_and_options_flip_the_flags()
    {
        var futures = await JsonAsync("sub", "enable-futures", "bob@example.com");
        Assert.True(futures.GetProperty("result").GetProperty("isFuturesEnabled").GetBoolean());
        var options = await JsonAsync("sub", "enable-options", "BOB@example.com");
        Assert.True(options.GetProperty("result").GetProperty("isEOptionsEnabled").GetBoolean());
        var status = await _cli.RunAsync("sub", "status", "bob@example.com");
        Assert.Equal(0, status.ExitCode);
        Assert.Matches("bob@example.com +yes +yes +no +yes", status.Out);
    }

    [Fact]
    public async Task Stats_prints_the_totals()
    {
        var stats = await JsonAsync("sub", "stats", "alice@example.com");
        Assert.Equal("0", stats.GetProperty("result").GetProperty("recent30BtcTotal").GetString());
        Assert.Equal(0, (await _cli.RunAsync("sub", "stats")).ExitCode);
    }

    [Fact]
    public async Task An_unknown_sub_account_is_the_exchanges_refusal_with_exit_code_1()
    {
        var run = await _cli.RunAsync("sub", "enable-futures", "nobody@example.com", "--json");
        Assert.Equal(1, run.ExitCode);
        var doc = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("rejected", doc.GetProperty("outcome").GetString());
        Assert.Equal("-5021", doc.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("sub", "create", "has space")]
    [InlineData("sub", "create", "toolongtoolongtoolongtoolongtoolong")]
    [InlineData("sub", "enable-futures", "not-an-email")]
    [InlineData("sub", "enable-options", "a@b")]
    [InlineData("sub", "status", "x@")]
    [InlineData("sub", "stats", "@x.com")]
    [InlineData("sub", "list", "--frozen", "--active")]
    public async Task Bad_input_is_exit_code_2_and_nothing_is_started_or_written(params string[] args)
    {
        var run = await _cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("ferry: ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.StatePath), "bad input must not start the simulator");
    }
}
