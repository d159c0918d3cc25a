using System.CommandLine;
using System.Text;
using Ferry.Cli.Tests.Support;
using Ferry.Core.Credentials;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// The leak scanner. It discovers every command from the command tree, runs each through its sample invocations
/// (success and error paths, --json and tables, --verbose plus FERRY_LOG=debug) with known fake credentials in
/// every place a credential can come from, captures standard output, standard error and the log file, and asserts
/// that no secret and no whole API key appears anywhere.
///
/// A command with no row in <see cref="Samples"/> FAILS the scan: whoever adds a command adds its invocations here.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LeakScanTests : IAsyncLifetime, IDisposable
{
    // Fake credentials, one per source: key file, PEM file, environment, typed, --from-env, TOOLS.md.
    private const string MainKey = "LEAKmainKEY-7f3a9c1e5b2d4086-QWERTYuiop";
    private const string MainSecret = "LEAKmainSECRET-1b9e7d5c3a-ZXCVBNmasked";
    private const string WrongSecret = "LEAKwrongSECRET-5c3a1b9e7d-POIUYTrewq";
    private const string LiveKey = "LEAKliveKEY-0a1b2c3d4e5f6071-ASDFGHjkl";
    private const string LiveSecret = "LEAKliveSECRET-9e8d7c6b5a-LKJHGFdsa0";
    private const string EdKey = "LEAKedKEY-5566778899aabbcc-MNBVCXzlk";
    private const string TestnetKey = "LEAKtestnetKEY-1122334455667788-TGBYHN";
    private const string TestnetSecret = "LEAKtestnetSECRET-8877665544-UJMIKOLP";
    private const string AddKey = "LEAKaddKEY-a1b2c3d4e5f60718-RFVTGBYHN";
    private const string AddSecret = "LEAKaddSECRET-0918273645-EDCRFVtgby";
    private const string TypedKey = "LEAKtypedKEY-f0e1d2c3b4a59687-WSXEDCRF";
    private const string TypedSecret = "LEAKtypedSECRET-5647382910-QAZWSXedc";
    private const string FromEnvKey = "LEAKenvKEY-13579bdf2468ace0-YHNUJMik";
    private const string FromEnvSecret = "LEAKenvSECRET-2468ace013-OLPIKUJMyh";
    private const string AddedEdKey = "LEAKaddedEdKEY-0f1e2d3c4b5a6978-PLMOKN";
    private const string ToolsKey = "LEAKtoolsKEY-9a8b7c6d5e4f3021-IJNUHBYG";
    private const string ToolsSecret = "LEAKtoolsSECRET-1029384756-VFRCDEXSWZ";
    private const string Tools2Key = "LEAKtools2KEY-aa99bb88cc77dd66-QPWOEIR";
    private const string Tools2Secret = "LEAKtools2SECRET-6655443322-ALSKDJFHG";
    private const string AliceKey = "LEAKaliceKEY-3c4d5e6f708192a3-ZAQXSWcde";
    private const string AliceSecret = "LEAKaliceSECRET-7a6b5c4d3e-VGYBHUnji";
    // Credentials in the wrong place: an HMAC secret on line two of a key file used with rsa/ed25519 (where a PEM path
    // belongs), an HMAC secret inline on an ed25519 account, an inline secret in an accounts.json others can read.
    private const string MisKey = "LEAKmisKEY-6e5d4c3b2a190817-TGVHYBUJ";
    private const string MisSecret = "LEAKmisSECRET-7b6a5c4d3e-NJIMKOLPq";
    private const string InlineEdKey = "LEAKinlineEdKEY-1f2e3d4c5b6a7980-RDX";
    private const string InlineEdSecret = "LEAKinlineEdSECRET-8a7b6c5d4e-WAZS";
    private const string WideInlineKey = "LEAKwideKEY-2b3c4d5e6f708192-EDCXSW";
    private const string WideInlineSecret = "LEAKwideSECRET-3c4d5e6f70-PLOKMIJN";
    private const string Master = "master@example.com";
    private const int Window = 10;

    private readonly string _home = Directory.CreateTempSubdirectory("ferry-leak-").FullName;
    private readonly (string PrivatePem, string PublicPem) _ed = TestKeys.Ed25519();
    private readonly (string PrivatePem, string PublicPem) _addedEd = TestKeys.Ed25519();
    private readonly Dictionary<string, string> _environment = new();
    private readonly Dictionary<string, string> _placeholders = new();
    private readonly List<string> _brokenHomes = [];
    private SimulatorHost? _host;

    /// <summary>
    /// Every command's sample invocations: arguments (with {placeholders}), expected exit code, and what a person
    /// types (null: no terminal). Each command needs at least one success (0) and one failure (non-zero).
    /// </summary>
    private static readonly (string Command, Sample[] Samples)[] Samples =
    [
        ("transfer",
        [
            new("transfer 5 USDT --from spot --to usdm", 0),
            new("transfer 5 USDT --from spot --to funding --account ed --json", 0),
            new("transfer 5 USDT --from spot --to usdm --account wrong", 1),
            new("transfer 5 USDT --from spot --to usdm --account wrong --json", 1),
            new("transfer 99999999 USDT --from spot --to usdm --json", 4),
            new("transfer abc USDT --from spot --to usdm", 2),
            new("transfer 5 USDT --from spot --to usdm --account nope --json", 2),
            new("transfer 5 USDT --from spot --to usdm --account live", 4),
            new("transfer 5 USDT --from spot --to usdm --account live --json", 4, Input: "no\n"),
            new("transfer 5 USDT --from spot --to usdm --account live --confirm --json", 0),
            new("transfer 1 USDT --from spot --to funding --account live", 0, Input: "CONFIRM\n"),
            new("transfer 5 USDT --from spot --to usdm --account testnet", 4),
            new("transfer 5 USDT --from spot --to usdm --dry-run --json", 0),
            new("transfer 2 USDT --from spot --to funding --account ed --queue --json", 0),
            new("transfer 2 USDT --from spot --to funding --account live --queue --confirm", 0),
            new("transfer 2 USDT --from spot --to funding --account live --queue", 4),
            new("transfer 5 USDT --from spot --to usdm --dry-run --account live", 0),
            new("transfer 500 USDT --from usdm --to coinm --dry-run --account live", 0),
            new("transfer 500 USDT --from usdm --to coinm --account live", 4),
            new("transfer 500 USDT --from usdm --to coinm --json", 4),
            // A two-leg route (margin → usdm → carol's usdm) whose second leg the exchange refuses (carol has not enabled
            // futures), then carol's futures enabled so 'journal resume latest' below can finish it.
            new("transfer 50 USDT --from margin --to carol@example.com/usdm --json", 1),
            new("sub enable-futures carol@example.com", 0),
            new("transfer 500 USDT --from spot --to usdm", 0),
            new("transfer 5 USDT --from spot --to usdm --json", 4, Home: "{home-rsa-keyfile}"),
            new("transfer 5 USDT --from spot --to usdm", 4, Home: "{home-ed-inline}"),
            new("transfer 5 USDT --from spot --to usdm --account main", 4, Home: "{home-wide-inline}"),
            new("transfer 0.99999999999999999999999999999999 USDT --from spot --to usdm", 2),
        ]),
        ("balances",
        [
            new("balances", 0),
            new("balances --json --account ed", 0),
            // A mainnet read through Binance's own endpoints: no CONFIRM, nothing moved.
            new("balances --account live", 0),
            new("balances --account live --json", 0),
            new("balances --account live --subaccounts --json", 0),
            new("balances --owner not-an-email", 2),
            new("balances", 4, Home: "{home-rsa-keyfile}"),
            new("balances --json", 4, Home: "{home-ed-keyfile}"),
            new("balances", 4, Home: "{home-ed-inline}"),
            new("balances --json", 4, Home: "{home-wide-inline}"),
            new("balances", 4, Home: "{home-missing-keyfile}"),
            new("balances --json", 4, Home: "{home-wide-keyfile}"),
        ]),
        ("history",
        [
            new("history", 0),
            new("history --json --account ed", 0),
            new("history --margin --json", 0),
            new("history --account live", 0),
            new("history --account wrong --json", 1),
            new("history --account wrong", 1),
            new("history --days 999", 2),
            new("history --account testnet --json", 4),
            new("history --json", 4, Home: "{home-wide-inline}"),
        ]),
        ("sim serve",
        [
            new("sim serve --port 0", 0, StopWhenListening: true),
            new("sim serve --port 70000", 2),
            new("sim serve --scenario {home}/no-such-scenario.json", 2),
        ]),
        ("sim soak",
        [
            new("sim soak --transfers 6 --fault-rate 0.2 --seed 3", 0),
            new("sim soak --transfers 0", 2),
        ]),
        ("journal list",
        [
            new("journal list", 0),
            new("journal list --json", 0),
            new("journal list --state maybe", 2),
        ]),
        ("journal show",
        [
            new("journal show latest", 0),
            new("journal show latest --json", 0),
            new("journal show J-nope --json", 2),
        ]),
        ("journal reconcile",
        [
            new("journal reconcile", 0),
            new("journal reconcile --json", 0),
            new("journal reconcile J-nope", 2),
        ]),
        ("journal resume",
        [
            new("journal resume latest --json", 0),
            new("journal resume latest", 4),
            new("journal resume J-nope --json", 2),
        ]),
        ("journal migrate",
        [
            new("journal migrate", 0),
            new("journal migrate --json", 0),
            new("journal migrate --journal postgres://ferry:not-a-real-password@/ferry", 2),
        ]),
        ("journal copy",
        [
            new("journal copy --from sqlite --to {home}/other.db", 2),
            new("journal copy --from {home}/no-such-journal.db --to postgres://ferry:not-a-real-password@127.0.0.1:1/ferry --json", 2),
        ]),
        ("worker",
        [
            new("worker --until-empty", 0),
            new("worker --until-empty --json --concurrency 2", 0),
            new("worker --concurrency 0 --json", 2),
        ]),
        ("worker status",
        [
            new("worker status", 0),
            new("worker status --json", 0),
            new("worker status --bogus", 2),
        ]),
        ("sweep",
        [
            new("sweep USDT --to spot", 0),
            new("sweep USDT --to spot --json --account ed", 0),
            new("sweep USDT --to spot --dry-run --account live", 0),
            new("sweep USDT --to spot --account wrong", 1),
            new("sweep USDT --to spot --min abc --json", 2),
            new("sweep USDT --to spot --account testnet", 4),
            new("sweep USDT --to spot --json", 4, Home: "{home-ed-keyfile}"),
        ]),
        ("rebalance",
        [
            new("rebalance {home}/plan.yaml", 0),
            new("rebalance {home}/plan.yaml --dry-run --json", 0),
            new("rebalance {home}/plan.yaml --account wrong --json", 1),
            new("rebalance {home}/no-such-plan.yaml", 2),
        ]),
        ("demo",
        [
            new("demo", 0),
            new("demo --no-such-option", 2),
        ]),
        ("sub list",
        [
            new("sub list", 0),
            new("sub list --json --account ed", 0),
            new("sub list --account wrong", 1),
            new("sub list --account nope --json", 2),
        ]),
        ("sub create",
        [
            new("sub create leakscan", 0),
            new("sub create leakscan2 --json", 0),
            new("sub create leakscan3 --account wrong --json", 1),
            new("sub create bad-name!", 2),
        ]),
        ("sub status",
        [
            new("sub status", 0),
            new("sub status alice@example.com --json", 0),
            new("sub status --account wrong", 1),
            new("sub status not-an-email", 2),
        ]),
        ("sub enable-futures",
        [
            new("sub enable-futures bob@example.com", 0),
            new("sub enable-futures bob@example.com --json", 0),
            new("sub enable-futures nobody@example.com --json", 1),
            new("sub enable-futures not-an-email", 2),
        ]),
        ("sub enable-options",
        [
            new("sub enable-options alice@example.com", 0),
            new("sub enable-options nobody@example.com", 1),
            new("sub enable-options not-an-email --json", 2),
        ]),
        ("sub stats",
        [
            new("sub stats", 0),
            new("sub stats alice@example.com --json", 0),
            new("sub stats --account wrong --json", 1),
            new("sub stats not-an-email", 2),
        ]),
        ("sub assets",
        [
            new("sub assets alice@example.com", 0),
            new("sub assets alice@example.com --v3 --json", 0),
            new("sub assets alice@example.com --wallet margin --json", 0),
            new("sub assets alice@example.com --wallet usdm", 0),
            new("sub assets nobody@example.com", 1),
            new("sub assets alice@example.com --wallet moon", 2),
        ]),
        ("sub summary",
        [
            new("sub summary", 0),
            new("sub summary --wallet margin --json", 0),
            new("sub summary --wallet usdm --v1", 0),
            new("sub summary --account wrong", 1),
            new("sub summary --wallet moon", 2),
        ]),
        ("sub deposit-address",
        [
            new("sub deposit-address alice@example.com USDT --network ETH", 0),
            new("sub deposit-address alice@example.com BTC --json", 0),
            new("sub deposit-address nobody@example.com USDT", 1),
            new("sub deposit-address alice@example.com", 2),
        ]),
        ("sub deposits",
        [
            new("sub deposits alice@example.com", 0),
            new("sub deposits alice@example.com --json", 0),
            new("sub deposits nobody@example.com --json", 1),
            new("sub deposits not-an-email", 2),
        ]),
        ("sub ip add",
        [
            new("sub ip add alice@example.com {alicekey} 127.0.0.1 10.0.0.1", 0),
            new("sub ip add alice@example.com {alicekey} 10.0.0.2 --json", 0),
            new("sub ip add nobody@example.com {alicekey} 10.0.0.3 --json", 1),
            new("sub ip add alice@example.com {alicekey} not-an-ip", 2),
        ]),
        ("sub ip show",
        [
            new("sub ip show alice@example.com {alicekey}", 0),
            new("sub ip show alice@example.com {alicekey} --json", 0),
            new("sub ip show nobody@example.com {alicekey}", 1),
            new("sub ip show alice@example.com", 2),
        ]),
        ("sub ip remove",
        [
            new("sub ip remove alice@example.com {alicekey} 10.0.0.1", 0),
            new("sub ip remove alice@example.com {alicekey} 10.0.0.2 --json", 0),
            new("sub ip remove nobody@example.com {alicekey} 10.0.0.2", 1),
            new("sub ip remove alice@example.com {alicekey} not-an-ip --json", 2),
        ]),
        ("sub positions",
        [
            new("sub positions alice@example.com", 0),
            new("sub positions alice@example.com --v1 --json", 0),
            new("sub positions --moves BTCUSDT", 0),
            new("sub positions nobody@example.com", 1),
            new("sub positions not-an-email", 2),
        ]),
        ("sub move-position",
        [
            new("sub move-position --from alice@example.com --to bob@example.com BTCUSDT:0.005:LONG", 0),
            new("sub move-position --from alice@example.com --to bob@example.com BTCUSDT:0.001:LONG --json", 0),
            new("sub move-position --from nobody@example.com --to bob@example.com BTCUSDT:0.001:LONG", 1),
            new("sub move-position --from alice@example.com --to bob@example.com BTCUSDT", 2),
        ]),
        ("managed list",
        [
            new("managed list", 0),
            new("managed list --json --account ed", 0),
            new("managed list --account wrong", 1),
            new("managed list --email x --json", 2),
        ]),
        ("managed assets",
        [
            new("managed assets fund@example.com", 0),
            new("managed assets fund@example.com --json", 0),
            new("managed assets nobody@example.com --json", 1),
            new("managed assets not-an-email", 2),
        ]),
        ("managed futures-assets",
        [
            new("managed futures-assets fund@example.com", 0),
            new("managed futures-assets fund@example.com --coinm --json", 0),
            new("managed futures-assets nobody@example.com", 1),
            new("managed futures-assets not-an-email", 2),
        ]),
        ("managed margin-assets",
        [
            new("managed margin-assets fund@example.com", 0),
            new("managed margin-assets fund@example.com --isolated --json", 0),
            new("managed margin-assets nobody@example.com --json", 1),
            new("managed margin-assets not-an-email", 2),
        ]),
        ("managed snapshot",
        [
            new("managed snapshot fund@example.com", 0),
            new("managed snapshot fund@example.com --type futures --json", 0),
            new("managed snapshot nobody@example.com", 1),
            new("managed snapshot fund@example.com --limit 6", 2),
        ]),
        ("managed deposit",
        [
            new("managed deposit 5 USDT --to fund@example.com", 0),
            new("managed deposit 5 USDT --to fund@example.com --json", 0),
            new("managed deposit 5 USDT --to fund@example.com --account wrong --json", 1),
            new("managed deposit 5 USDT --to fund@example.com --account live --confirm", 1),
            new("managed deposit abc USDT --to fund@example.com", 2),
            new("managed deposit 5 USDT --to fund@example.com --account live", 4),
            new("managed deposit 5 USDT --to fund@example.com --dry-run --account live --json", 0),
        ]),
        ("managed withdraw",
        [
            new("managed withdraw 1 USDT --from fund@example.com", 0),
            new("managed withdraw 1 USDT --from fund@example.com --date 2099-01-01 --json", 0),
            new("managed withdraw 1 USDT --from fund@example.com --account wrong", 1),
            new("managed withdraw 1 USDT --from fund@example.com --date soon", 2),
            new("managed withdraw 1 USDT --from fund@example.com --account live --json", 4),
        ]),
        ("managed deposit-address",
        [
            new("managed deposit-address fund@example.com USDT --network ETH", 0),
            new("managed deposit-address fund@example.com BTC --json", 0),
            new("managed deposit-address nobody@example.com USDT", 1),
            new("managed deposit-address fund@example.com US-DT", 2),
        ]),
        ("managed log",
        [
            new("managed log fund@example.com", 0),
            new("managed log fund@example.com --direction in --json", 0),
            new("managed log --role sub --json", 1),
            new("managed log", 2),
        ]),
        ("accounts add",
        [
            new("accounts add added-file --environment mainnet --signing hmac --key-file {addkey} --json", 0),
            new("accounts add", 0, Input: $"added-typed\nmainnet\nhmac\n{TypedKey}\n{TypedSecret}\n"),
            new("accounts add added-env --environment mainnet --signing hmac --from-env", 0),
            new("accounts add added-ed --environment sim --signing ed25519 --private-key-file {addedpem} --base-address {sim}", 0),
            new("accounts add nobody", 2),
            new("accounts add main --environment mainnet --signing hmac --key-file {addkey}", 2),
            new("accounts add evil --environment mainnet --signing hmac --key-file {addkey} --base-address http://evil.example", 4),
            new("accounts add evil2 --environment mainnet --signing hmac --key-file {addkey} --base-address https://api.binance.com.evil.example --json", 4),
            new("accounts add wide --environment mainnet --signing hmac --key-file {widekey}", 4),
            new("accounts add mis-rsa --environment mainnet --signing rsa --key-file {miskey}", 4),
            new("accounts add mis-ed --environment mainnet --signing ed25519 --key-file {miskey} --json", 4),
            new("accounts add mis-pem --environment mainnet --signing rsa --private-key-file {miskey}", 4),
            new("accounts add mis-gone --environment mainnet --signing hmac --key-file {home}/user-keys/gone.key", 4),
        ]),
        ("accounts import",
        [
            new("accounts import {tools}", 0),
            new("accounts import {tools2} --json", 0),
            new("accounts import {tools}", 4),
            new("accounts import {badtools}", 4),
            new("accounts import {home}/no-such-TOOLS.md", 2),
        ]),
        ("accounts list",
        [
            new("accounts list", 0),
            new("accounts list --json", 0),
            new("accounts list --no-such-option", 2),
        ]),
        ("accounts show",
        [
            new("accounts show", 0),
            new("accounts show live --json", 0),
            new("accounts show ed", 0),
            new("accounts show testnet --json", 0),
            new("accounts show wrong", 0),
            new("accounts show added-typed --json", 0),
            new("accounts show added-env", 0),
            new("accounts show added-ed --json", 0),
            new("accounts show tools-main", 0),
            new("accounts show nope", 2),
            new("accounts show main --account live", 2),
            new("accounts show", 4, Home: "{home-rsa-keyfile}"),
            new("accounts show main --json", 4, Home: "{home-ed-inline}"),
            new("accounts show", 4, Home: "{home-missing-keyfile}"),
        ]),
        ("mcp",
        [
            new("mcp --plan-ttl soon", 2),
            new("mcp --plan-ttl 25h", 2),
            new("mcp --agent bad/name", 2),
        ]),
        ("serve",
        [
            new("serve --urls http://127.0.0.1:0", 0, StopWhenListening: true),
            new("serve --urls http://127.0.0.1:0 --account main", 0, StopWhenListening: true),
            new("serve --urls http://0.0.0.0:0", 4),
            new("serve --account nope", 2),
        ]),
        ("serve token add",
        [
            new("serve token add leak-scan --scope read", 0),
            new("serve token add leak-scan-json --scope plan --json", 0),
            new("serve token add leak-scan --scope everything", 2),
        ]),
        ("serve token list",
        [
            new("serve token list", 0),
            new("serve token list --json", 0),
            new("serve token list --no-such-option", 2),
        ]),
        ("serve token remove",
        [
            new("serve token remove leak-scan-json --json", 0),
            new("serve token remove nope", 2),
        ]),
        ("accounts remove",
        [
            new("accounts remove added-file", 0),
            new("accounts remove added-typed --json", 0),
            new("accounts remove nope", 2),
        ]),
        ("policy check",
        [
            new("policy check", 0),
            new("policy check --json", 0),
            new("policy check now", 2),
        ]),
        ("policy show",
        [
            new("policy show --json", 0),
            new("policy show all", 2),
        ]),
        ("policy init",
        [
            new("policy init --json", 0),
            new("policy init", 4),
        ]),
        ("approvals list",
        [
            new("approvals list", 0, Home: "{approvalhome}"),
            new("approvals list --all --json", 0, Home: "{approvalhome}"),
            new("approvals list --limit 0", 2),
        ]),
        ("approvals approve",
        [
            new("approvals approve {approval1} --json", 0, Home: "{approvalhome}"),
            new("approvals approve {approval1}", 4, Home: "{approvalhome}"),
            new("approvals approve A0000000000 --json", 2, Home: "{approvalhome}"),
        ]),
        ("approvals deny",
        [
            new("approvals deny {approval2} --reason leak-scan", 0, Home: "{approvalhome}"),
            new("approvals deny {approval2} --json", 4, Home: "{approvalhome}"),
        ]),
        ("audit export",
        [
            new("audit export --since 24h", 0, Home: "{approvalhome}"),
            new("audit export --since 2000-01-01 --format csv", 0, Home: "{approvalhome}"),
            new("audit export --since soon", 2),
        ]),
    ];

    /// <summary>Commands that do not take --account, and why; every other command must.</summary>
    private static readonly Dictionary<string, string> WithoutAccountOption = new()
    {
        ["sim serve"] = "serves a simulator; no account is involved",
        ["demo"] = "runs on its own fresh in-memory simulator",
        ["accounts add"] = "creates the account it names",
        ["accounts import"] = "creates the accounts the file names",
        ["accounts list"] = "lists every account",
        ["accounts remove"] = "removes the account it names",
        ["sim soak"] = "starts its own simulator with its own keys",
        ["journal list"] = "lists the entries of every account",
        ["journal show"] = "shows one entry, which names its own account",
        ["journal reconcile"] = "each entry is reconciled with the account it names",
        ["journal resume"] = "each leg of the route runs with the account it names",
        ["journal migrate"] = "creates or upgrades the journal's schema; no account is involved",
        ["journal copy"] = "copies every entry, each of which names its own account",
        ["mcp"] = "each tool call names its own account (the same default as --account)",
        ["policy check"] = "the policy file covers every account",
        ["policy show"] = "the policy file covers every account",
        ["policy init"] = "writes the one policy file, which covers every account",
        ["approvals list"] = "lists the requests of every account",
        ["approvals approve"] = "answers one request, which names its own account",
        ["approvals deny"] = "answers one request, which names its own account",
        ["audit export"] = "exports the decisions of every account",
        ["worker"] = "each unit runs with the account it was queued for",
        ["worker status"] = "shows the units of every account",
        ["serve token add"] = "API tokens belong to the server, not to an account",
        ["serve token list"] = "API tokens belong to the server, not to an account",
        ["serve token remove"] = "API tokens belong to the server, not to an account",
    };

    /// <summary>
    /// Commands whose success path this in-process scan cannot run, and the scan that covers it instead. They still need
    /// their failure samples here.
    /// </summary>
    private static readonly Dictionary<string, string> SuccessScannedElsewhere = new()
    {
        ["journal copy"] = "needs a PostgreSQL server: tests/Ferry.Cli.Tests/PostgresJournalCliTests copies into the test server and checks that no password reaches the output or the log",
        ["mcp"] = "a stdio server for MCP clients: tests/Ferry.Mcp.Tests/LeakScanTests runs the real 'ferry mcp' process and scans every tool's output and its log lines",
    };

    /// <summary>One invocation: its arguments, expected exit code, what a person types (null: no terminal), whether to stop
    /// it once it listens, and the placeholder of another FERRY_HOME to run it in (one whose accounts are broken on purpose).</summary>
    public sealed record Sample(string Arguments, int ExitCode, string? Input = null, bool StopWhenListening = false, string? Home = null);

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "{{{Master}}}",
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "{{{MainKey}}}", "secret": "{{{MainSecret}}}", "permissions": ["enableReading", "permitsUniversalTransfer", "enableSpotAndMarginTrading", "enableFutures", "enableInternalTransfer"]},
                {"owner": "alice@example.com", "apiKey": "{{{AliceKey}}}", "secret": "{{{AliceSecret}}}", "permissions": ["enableReading"]},
                {"owner": "{{{Master}}}", "apiKey": "{{{LiveKey}}}", "secret": "{{{LiveSecret}}}", "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "{{{EdKey}}}", "ed25519PublicKey": {{{TestKeys.Json(_ed.PublicPem)}}}, "permissions": ["enableReading", "permitsUniversalTransfer"]}],
              "subAccounts": [{"email": "alice@example.com", "futures": true, "margin": true}, {"email": "bob@example.com", "futures": true}, {"email": "carol@example.com"}],
              "managedSubAccounts": [{"email": "fund@example.com", "tradingTeam": "team@example.com", "futures": true, "margin": true}],
              "prices": [{"symbol": "BTCUSDT", "price": "60000"}],
              "positions": [{"owner": "alice@example.com", "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.01", "entryPrice": "58000", "markPrice": "60000", "leverage": 10}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "10000"},
                {"owner": "{{{Master}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "100"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        var sim = _host.BaseAddress.ToString();

        var secrets = Directory.CreateDirectory(Path.Combine(_home, "user-keys")).FullName;
        var mainKeyFile = TestKeys.OwnerOnlyFile(secrets, "main.key", $"{MainKey}\n{MainSecret}\n");
        var wrongKeyFile = TestKeys.OwnerOnlyFile(secrets, "wrong.key", $"{MainKey}\n{WrongSecret}\n");
        var liveKeyFile = TestKeys.OwnerOnlyFile(secrets, "live.key", $"{LiveKey}\n{LiveSecret}\n");
        var edPem = TestKeys.OwnerOnlyFile(secrets, "ed.pem", _ed.PrivatePem);
        var edKeyFile = TestKeys.OwnerOnlyFile(secrets, "ed.key", $"{EdKey}\n{edPem}\n");
        File.WriteAllText(Path.Combine(_home, "accounts.json"), $$"""
            {"accounts": [
              {"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "subAccounts": ["carol@example.com"], "keyFile": "{{mainKeyFile}}"},
              {"name": "ed", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "signing": "ed25519", "keyFile": "{{edKeyFile}}"},
              {"name": "wrong", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "keyFile": "{{wrongKeyFile}}"},
              {"name": "live", "environment": "mainnet", "email": "{{Master}}", "keyFile": "{{liveKeyFile}}", "description": "mainnet keys, redirected to the simulator by the test-only hook"},
              {"name": "testnet", "environment": "testnet"}
            ]}
            """);

        _environment["FERRY_HOME"] = _home;
        _environment["FERRY_LOG"] = "debug";
        _environment["FERRY_TESTNET_API_KEY"] = TestnetKey;
        _environment["FERRY_TESTNET_API_SECRET"] = TestnetSecret;
        _environment["FERRY_ADDED_ENV_API_KEY"] = FromEnvKey;
        _environment["FERRY_ADDED_ENV_API_SECRET"] = FromEnvSecret;
        _environment["FERRY_ADDED_ED_API_KEY"] = AddedEdKey;
        _environment["FERRY_MIS_PEM_API_KEY"] = MisKey;

        _placeholders["{home}"] = _home;
        File.WriteAllText(Path.Combine(_home, "plan.yaml"), "assets:\n  USDT:\n    alice@example.com/spot: 50%\n    bob@example.com/spot: rest\n");
        _placeholders["{alicekey}"] = AliceKey;
        _placeholders["{sim}"] = sim;
        _placeholders["{addkey}"] = TestKeys.OwnerOnlyFile(secrets, "add.key", $"{AddKey}\n{AddSecret}\n");
        _placeholders["{addedpem}"] = TestKeys.OwnerOnlyFile(secrets, "added-ed.pem", _addedEd.PrivatePem);
        var wide = TestKeys.OwnerOnlyFile(secrets, "wide.key", $"{AddKey}\n{AddSecret}\n");
        File.SetUnixFileMode(wide, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        _placeholders["{widekey}"] = wide;
        _placeholders["{tools}"] = TestKeys.OwnerOnlyFile(secrets, "TOOLS.md",
            $"## Binance Accounts\n### tools-main\n- API Key: {ToolsKey}\n- Secret: {ToolsSecret}\n- Description: Primary trading account\n");
        _placeholders["{tools2}"] = TestKeys.OwnerOnlyFile(secrets, "TOOLS2.md",
            $"## Binance Accounts\n### tools-futures\n- API Key: {Tools2Key}\n- Secret: {Tools2Secret}\n- Description: Futures trading account\n- Environment: testnet\n");
        var misKeyFile = TestKeys.OwnerOnlyFile(secrets, "mis.key", $"{MisKey}\n{MisSecret}\n");
        _placeholders["{miskey}"] = misKeyFile;
        _placeholders["{home-rsa-keyfile}"] = BrokenHome("rsa-keyfile", $$"""{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "signing": "rsa", "keyFile": "{{misKeyFile}}"}""");
        _placeholders["{home-ed-keyfile}"] = BrokenHome("ed-keyfile", $$"""{"name": "main", "environment": "mainnet", "signing": "ed25519", "keyFile": "{{misKeyFile}}"}""");
        _placeholders["{home-ed-inline}"] = BrokenHome("ed-inline", $$"""{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "signing": "ed25519", "apiKey": "{{InlineEdKey}}", "secret": "{{InlineEdSecret}}"}""");
        _placeholders["{home-wide-inline}"] = BrokenHome("wide-inline", $$"""{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "apiKey": "{{WideInlineKey}}", "secret": "{{WideInlineSecret}}"}""",
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        _placeholders["{home-missing-keyfile}"] = BrokenHome("missing-keyfile", $$"""{"name": "main", "environment": "mainnet", "keyFile": "{{Path.Combine(secrets, "gone.key")}}"}""");
        _placeholders["{home-wide-keyfile}"] = BrokenHome("wide-keyfile", $$"""{"name": "main", "environment": "mainnet", "keyFile": "{{wide}}"}""");
        _placeholders["{badtools}"] = TestKeys.OwnerOnlyFile(secrets, "BAD-TOOLS.md",
            $"## Binance Accounts\n### broken\n- API Key: {ToolsKey}\n- Secret: {ToolsSecret[..8]}...{ToolsSecret[^3..]}\n");
        await ApprovalHomeAsync(sim, mainKeyFile);
    }

    /// <summary>A FERRY_HOME where every move needs approval, holding two requests another person (dana) made, so the
    /// scan's approve and deny have something to answer ({approvalhome}, {approval1}, {approval2}).</summary>
    private async Task ApprovalHomeAsync(string sim, string mainKeyFile)
    {
        var home = Directory.CreateDirectory(Path.Combine(_home, "approval-home")).FullName;
        TestKeys.OwnerOnlyFile(home, "accounts.json",
            $$"""{"accounts": [{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "keyFile": "{{mainKeyFile}}"}]}""");
        await File.WriteAllTextAsync(Path.Combine(home, "policy.yaml"), "default: require-approval\n");
        async Task<string> RunAsDana(params string[] args)
        {
            var output = new StringWriter();
            var env = new CliEnvironment
            {
                Out = output,
                Error = new StringWriter(),
                In = new StringReader(""),
                IsInteractive = false,
                GetEnvironmentVariable = name => name switch { "FERRY_HOME" => home, "USER" => "dana", _ => null },
            };
            await FerryApp.RunAsync(args, env);
            return output.ToString();
        }
        await RunAsDana("transfer", "5", "USDT", "--from", "spot", "--to", "funding");
        await RunAsDana("transfer", "6", "USDT", "--from", "spot", "--to", "funding");
        var ids = System.Text.Json.JsonDocument.Parse(await RunAsDana("approvals", "list", "--json")).RootElement.GetProperty("approvals")
            .EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        _placeholders["{approvalhome}"] = home;
        _placeholders["{approval1}"] = ids[0];
        _placeholders["{approval2}"] = ids[1];
    }

    /// <summary>Another FERRY_HOME whose accounts.json holds <paramref name="account"/>, written with <paramref name="mode"/>.</summary>
    private string BrokenHome(string name, string account, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var home = Directory.CreateDirectory(Path.Combine(_home, "broken-homes", name)).FullName;
        var accounts = TestKeys.OwnerOnlyFile(home, "accounts.json", $$"""{"accounts": [{{account}}]}""");
        File.SetUnixFileMode(accounts, mode);
        _brokenHomes.Add(home);
        return home;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    /// <summary>Every secret, and every whole API key, that the scan must never find.</summary>
    private IEnumerable<(string What, string Text)> Forbidden()
    {
        var keys = new[] { MainKey, LiveKey, EdKey, TestnetKey, AddKey, TypedKey, FromEnvKey, AddedEdKey, ToolsKey, Tools2Key, AliceKey, MisKey, InlineEdKey, WideInlineKey };
        var secrets = new[] { MainSecret, WrongSecret, LiveSecret, TestnetSecret, AddSecret, TypedSecret, FromEnvSecret, ToolsSecret, Tools2Secret, AliceSecret,
            MisSecret, InlineEdSecret, WideInlineSecret };
        // Not only whole values: any 10 characters in a row of a key or secret count as a leak. The masks show at
        // most 5 in a row (key: first 5 and last 4; secret: last 5), so a window of 10 can only come from a leak.
        foreach (var key in keys)
        {
            yield return ("whole API key", key);
            for (var i = 0; i + Window <= key.Length; i++) yield return ($"API key characters {i}..{i + Window}", key.Substring(i, Window));
        }
        foreach (var secret in secrets)
        {
            yield return ("whole secret", secret);
            for (var i = 0; i + Window <= secret.Length; i++) yield return ($"secret characters {i}..{i + Window}", secret.Substring(i, Window));
        }
        foreach (var pem in new[] { _ed.PrivatePem, _addedEd.PrivatePem })
            foreach (var line in pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)))
                yield return ("PEM private key line", line);
    }

    /// <summary>Every command of the tree, by path ("accounts add"), that does something when invoked.</summary>
    private static async Task<List<(string Path, Command Command)>> DiscoverCommandsAsync()
    {
        RootCommand? root = null;
        var env = new CliEnvironment
        {
            Out = new StringWriter(), Error = new StringWriter(), In = new StringReader(""), IsInteractive = false,
            GetEnvironmentVariable = _ => null, InspectCommandTree = r => root = r,
        };
        Assert.Equal(0, await FerryApp.RunAsync(["--help"], env));
        Assert.NotNull(root);
        var found = new List<(string, Command)>();
        void Walk(Command command, string prefix)
        {
            foreach (var sub in command.Subcommands)
            {
                var path = prefix.Length == 0 ? sub.Name : $"{prefix} {sub.Name}";
                if (sub.Action is not null) found.Add((path, sub));
                Walk(sub, path);
            }
        }
        Walk(root, "");
        return found;
    }

    [Fact]
    public async Task Every_command_in_the_tree_has_sample_invocations_with_a_success_and_a_failure()
    {
        var discovered = (await DiscoverCommandsAsync()).Select(c => c.Path).ToList();
        Assert.True(discovered.Count >= 10, "discovery found too few commands to be trusted");
        var sampled = Samples.Select(s => s.Command).ToList();
        var missing = discovered.Except(sampled).ToList();
        Assert.True(missing.Count == 0,
            $"The leak scanner has no sample invocations for: {string.Join(", ", missing)}. Add rows to LeakScanTests.Samples (success and error paths, --json and tables).");
        var stale = sampled.Except(discovered).ToList();
        Assert.True(stale.Count == 0, $"LeakScanTests.Samples names commands that no longer exist: {string.Join(", ", stale)}.");
        foreach (var (command, samples) in Samples)
        {
            Assert.True(samples.Any(s => s.ExitCode == 0) || SuccessScannedElsewhere.ContainsKey(command), $"'{command}' has no success-path sample.");
            Assert.True(samples.Any(s => s.ExitCode != 0), $"'{command}' has no error-path sample.");
        }
    }

    [Fact]
    public async Task Every_command_takes_account_or_says_why_not()
    {
        foreach (var (path, command) in await DiscoverCommandsAsync())
        {
            var hasAccount = command.Options.Any(o => o.Name == "--account");
            if (WithoutAccountOption.ContainsKey(path)) Assert.False(hasAccount, $"'{path}' takes --account now; remove it from WithoutAccountOption.");
            else Assert.True(hasAccount, $"'{path}' has no --account option; add CommonOptions.Account() or explain in WithoutAccountOption.");
        }
    }

    [Fact]
    public async Task The_whole_cli_surface_never_prints_or_logs_a_secret_or_a_whole_api_key()
    {
        var discovered = await DiscoverCommandsAsync();
        Assert.Empty(discovered.Select(c => c.Path).Except(Samples.Select(s => s.Command))); // see the test above

        var captured = new List<(string Label, string Text)>();
        foreach (var (command, samples) in Samples)
        {
            foreach (var sample in samples)
                captured.Add(await RunAsync(sample));
        }
        // Help of every command, the root and the parent commands too.
        foreach (var path in discovered.Select(c => c.Path).Append("").Append("accounts").Append("sim"))
            captured.Add(await RunAsync(new Sample((path + " --help").Trim(), 0)));

        var logFile = Path.Combine(_home, "logs", "ferry.log");
        Assert.True(File.Exists(logFile), "FERRY_LOG=debug wrote no log file");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_home, "logs"), "*", SearchOption.AllDirectories))
            captured.Add(($"log file {Path.GetFileName(file)}", File.ReadAllText(file)));
        foreach (var home in _brokenHomes.Where(h => Directory.Exists(Path.Combine(h, "logs"))))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(home, "logs"), "*", SearchOption.AllDirectories))
                captured.Add(($"log file {Path.GetFileName(home)}/{Path.GetFileName(file)}", File.ReadAllText(file)));
        Assert.Contains(_brokenHomes, h => File.Exists(Path.Combine(h, "logs", "ferry.log")));

        // Never the location of a key file (the source documents' rule), in anything Ferry prints or logs; accounts.json
        // itself holds the paths, so it is scanned for secrets only.
        var keyFolders = new[] { Path.Combine(_home, "user-keys"), Path.Combine(_home, "keys") };
        var pathLeaks = captured.Where(c => keyFolders.Any(f => c.Text.Contains(f, StringComparison.Ordinal))).Select(c => c.Label).ToList();
        Assert.True(pathLeaks.Count == 0, "A key file's location was shown by:\n" + string.Join("\n", pathLeaks));

        captured.Add(("accounts.json", File.ReadAllText(Path.Combine(_home, "accounts.json"))));

        var all = string.Join("\n", captured.Select(c => c.Text));
        // The scan is only worth something if the runs did what they claim: logging at debug level, HTTP lines,
        // and masked values where whole ones would be.
        Assert.Contains("ferry[debug]: http POST /sapi/v1/asset/transfer -> HTTP 200", all);
        Assert.Contains("debug http GET /sapi/v1/asset/transfer -> HTTP 200", File.ReadAllText(logFile));
        Assert.Contains("debug http POST /sapi/v1/asset/transfer -> HTTP 400", File.ReadAllText(logFile));
        Assert.Contains(Masking.ApiKey(LiveKey), all);
        Assert.Contains(Masking.Secret(LiveSecret), all);
        Assert.Contains(Masking.ApiKey(TypedKey), all);
        Assert.Contains(Masking.ApiKey(ToolsKey), all);
        Assert.Contains(Masking.ApiKey(TestnetKey), all);

        var leaks = new List<string>();
        foreach (var (label, text) in captured)
            foreach (var (what, secret) in Forbidden())
                if (text.Contains(secret, StringComparison.Ordinal)) leaks.Add($"{what} in {label}");
        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join("\n", leaks.Distinct()));
    }

    private async Task<(string Label, string Text)> RunAsync(Sample sample)
    {
        var args = Expand(sample.Arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--verbose").ToArray();
        using var stop = new CancellationTokenSource();
        var output = new WatchingWriter(sample.StopWhenListening ? "press Ctrl+C" : null, stop);
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(sample.Input ?? ""),
            IsInteractive = sample.Input is not null,
            GetEnvironmentVariable = name => name == "FERRY_HOME" && sample.Home is not null ? Expand(sample.Home) : _environment.GetValueOrDefault(name),
            MainnetRedirectForTests = _host!.BaseAddress,
        };
        var code = await FerryApp.RunAsync(args, env, stop.Token);
        var label = $"'ferry {sample.Arguments}'{(sample.Home is null ? "" : $" in {sample.Home}")}";
        Assert.True(sample.ExitCode == code, $"{label} exited {code}, expected {sample.ExitCode}:\n{output}\n{error}");
        return (label, $"{output}\n{error}");
    }

    private string Expand(string arguments)
    {
        foreach (var (name, value) in _placeholders) arguments = arguments.Replace(name, value, StringComparison.Ordinal);
        return arguments;
    }

    /// <summary>Captures output and cancels the run once a trigger text was written (to stop 'sim serve').</summary>
    private sealed class WatchingWriter(string? trigger, CancellationTokenSource stop) : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Check();
        }

        public override Encoding Encoding => Encoding.UTF8;

        private void Check()
        {
            if (trigger is not null && !stop.IsCancellationRequested && ToString().Contains(trigger, StringComparison.Ordinal)) stop.Cancel();
        }
    }
}
