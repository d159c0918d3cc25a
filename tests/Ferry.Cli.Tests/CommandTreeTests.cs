using System.CommandLine;

namespace Ferry.Cli.Tests;

/// <summary>
/// A command line that names a top-level command builds only the commands it names; the root's help and anything the
/// parser cannot place get the whole tree. What a person sees must not depend on which was built.
/// </summary>
public sealed class CommandTreeTests
{
    private static readonly string[] TopLevel =
        ["transfer", "balances", "history", "sim", "demo", "accounts", "sub", "managed", "journal", "policy", "approvals",
         "audit", "mcp", "serve", "sweep", "rebalance", "worker"];

    private static CliEnvironment Environment(TextWriter output, TextWriter error, Action<RootCommand>? inspect = null) => new()
    {
        Out = output, Error = error, In = new StringReader(""), IsInteractive = false,
        GetEnvironmentVariable = _ => null, InspectCommandTree = inspect,
    };

    private static List<string> Built(params string[] args) =>
        [.. FerryApp.BuildRoot(args, Environment(TextWriter.Null, TextWriter.Null)).Root.Subcommands.Select(c => c.Name)];

    [Fact]
    public void A_command_line_naming_a_command_builds_only_that_command()
    {
        Assert.Equal(["balances"], Built("balances", "--json"));
        Assert.Equal(["transfer"], Built("--verbose", "transfer", "10", "USDT", "--from", "spot", "--to", "usdm"));
        Assert.Equal(["journal"], Built("journal", "list"));
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("transfr")]
    [InlineData("@arguments.rsp")]
    [InlineData("[diagram]", "balances")]
    public void The_root_help_an_unknown_command_a_response_file_or_a_directive_build_the_whole_tree(params string[] args) =>
        Assert.Equal(TopLevel, Built(args));

    public static TheoryData<string[]> CommandLines()
    {
        var lines = new TheoryData<string[]>();
        foreach (var name in TopLevel) lines.Add([name, "--help"]);
        lines.Add(["sub", "list", "--help"]);
        lines.Add(["journal", "list", "--limit", "x"]);
        lines.Add(["balances", "--bogus"]);
        lines.Add(["transfer", "10"]);
        lines.Add(["accounts", "lst"]);
        return lines;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Help_and_parse_errors_read_the_same_with_only_the_named_command_built(string[] args)
    {
        var (lazyOut, lazyError) = (new StringWriter(), new StringWriter());
        var lazyCode = await FerryApp.RunAsync(args, Environment(lazyOut, lazyError));
        RootCommand? whole = null;
        var (wholeOut, wholeError) = (new StringWriter(), new StringWriter());
        var wholeCode = await FerryApp.RunAsync(args, Environment(wholeOut, wholeError, root => whole = root));

        Assert.Equal(TopLevel, whole!.Subcommands.Select(c => c.Name));
        Assert.Equal(wholeCode, lazyCode);
        Assert.Equal(wholeOut.ToString(), lazyOut.ToString());
        Assert.Equal(wholeError.ToString(), lazyError.ToString());
    }
}
