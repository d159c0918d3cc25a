using System.Reflection;

namespace Ferry.Simulator.Scenario;

/// <summary>A parsed, validated scenario: who exists, which keys they hold and what each wallet starts with.
/// A scenario only seeds a new state; an existing state file is loaded as it is.</summary>
public sealed class ScenarioDocument
{
    /// <summary>API key of the demo scenario's master (all permissions, HMAC).</summary>
    public const string DemoApiKey = "ferry-sim-master-key";

    /// <summary>HMAC secret of the demo scenario's master key. It is a public, simulator-only value.</summary>
    public const string DemoSecret = "ferry-sim-master-secret";

    /// <summary>Access key of the demo scenario's HTX user (read and trade, HMAC Signature V2).</summary>
    public const string DemoHtxAccessKey = "ferry-sim-htx-access-key";

    /// <summary>Secret key of the demo scenario's HTX key. It is a public, simulator-only value.</summary>
    public const string DemoHtxSecretKey = "ferry-sim-htx-secret-key";

    internal ScenarioDocument(BinanceScenario? binance, HtxScenario? htx = null)
    {
        Binance = binance;
        Htx = htx;
    }

    /// <summary>The Binance section, or null when the scenario has none (an empty simulator).</summary>
    public BinanceScenario? Binance { get; }

    /// <summary>The HTX section, or null when the scenario has none.</summary>
    public HtxScenario? Htx { get; }

    /// <summary>Faults the scenario asks for: <c>"faults": {"spec": "...", "seed": 1}</c>; null for none.</summary>
    public Faults.FaultPlan? Faults { get; internal init; }

    /// <summary>The seed of the scenario's faults.</summary>
    public int FaultSeed { get; internal init; }

    /// <summary>Parses scenario JSON; throws <see cref="ScenarioException"/> with one sentence naming the bad field.</summary>
    public static ScenarioDocument Parse(string json) => ScenarioParser.Parse(json);

    /// <summary>The most a scenario file may hold: thousands of accounts, never a file that grows without end.</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>Reads and parses a scenario file of at most <see cref="MaxFileBytes"/>.</summary>
    public static ScenarioDocument Load(string path)
    {
        string json;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var bytes = new byte[MaxFileBytes + 1];
            var length = 0;
            int read;
            while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0) length += read;
            if (length > MaxFileBytes) throw new ScenarioException($"Scenario file '{path}' is larger than {MaxFileBytes / (1024 * 1024)} MiB.");
            using var reader = new StreamReader(new MemoryStream(bytes, 0, length), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            json = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"Cannot read scenario file '{path}': {e.Message}", e);
        }
        try
        {
            return Parse(json);
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException($"Scenario file '{path}': {e.Message}", e);
        }
    }

    /// <summary>The built-in demo: master with spot/funding/futures/margin/isolated balances, alice (futures, margin)
    /// with 500 USDT spot, bob with nothing, and the master key <see cref="DemoApiKey"/>.</summary>
    public static ScenarioDocument Demo()
    {
        using var stream = typeof(ScenarioDocument).Assembly.GetManifestResourceStream("Ferry.Simulator.Scenario.demo.json")
            ?? throw new InvalidOperationException("The demo scenario resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
