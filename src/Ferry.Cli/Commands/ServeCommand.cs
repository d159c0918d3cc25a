using System.CommandLine;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry serve</c>: the HTTP API (src/Ferry.Server) on loopback until SIGINT or SIGTERM, and <c>ferry serve token
/// add|list|remove</c>, its API tokens. The command tree names no server type, so <c>--help</c> loads no ASP.NET code.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen: http://HOST:PORT (default http://127.0.0.1:8480; port 0 = any free port). A non-loopback host needs an API token configured.",
            DefaultValueFactory = _ => "http://127.0.0.1:8480",
        };
        var account = CommonOptions.Account();
        account.Description = "The account a request that names none uses (default: the first account of the move's venue).";
        var ttl = new Option<string>("--plan-ttl")
        {
            Description = "How long a plan may wait to be executed: a whole number with s, m or h, 0s..24h (default 5m).",
            DefaultValueFactory = _ => "5m",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the first line ({\"listening\": URL, ...}) instead of the lines for people." };
        var serve = new Command("serve", "Serve Ferry's HTTP API (OpenAPI at /openapi/v1.json) and its dashboard (/) on 127.0.0.1; prints 'listening on URL' first.")
        {
            urls, account, ttl, json, TokenCommand(env),
        };
        serve.SetAction((parse, ct) => ServeRun.RunAsync(env, new ServeOptions(parse.GetValue(urls)!, parse.GetValue(account), parse.GetValue(ttl)!, parse.GetValue(json)), ct));
        return serve;
    }

    private static Command TokenCommand(CliEnvironment env)
    {
        var name = new Argument<string>("NAME") { Description = "The token's name: who asked, in the server's log." };
        var scope = new Option<string>("--scope") { Description = "read (GET only), plan (also plan and reconcile) or execute (also execute plans and resume routes).", Required = true };
        var addJson = CommonOptions.Json();
        var add = new Command("add", "Make an API token; it is printed once and only its SHA-256 is kept (FERRY_HOME/server-tokens.json).") { name, scope, addJson };
        add.SetAction(parse => ServeRun.AddToken(env, new Printer(env, parse.GetValue(addJson)), parse.GetValue(name)!, parse.GetValue(scope)!));

        var listJson = CommonOptions.Json();
        var list = new Command("list", "List the API tokens: names, scopes and when they were made (never a token).") { listJson };
        list.SetAction(parse => ServeRun.ListTokens(env, new Printer(env, parse.GetValue(listJson))));

        var removeName = new Argument<string>("NAME") { Description = "The token to remove; requests carrying it are refused from then on." };
        var removeJson = CommonOptions.Json();
        var remove = new Command("remove", "Remove an API token.") { removeName, removeJson };
        remove.SetAction(parse => ServeRun.RemoveToken(env, new Printer(env, parse.GetValue(removeJson)), parse.GetValue(removeName)!));

        return new Command("token", "API tokens of 'ferry serve'.") { add, list, remove };
    }
}
