using Ferry.Core.Credentials;
using Ferry.Testing;

namespace Ferry.Binance.Tests.Support;

/// <summary>Builds clients wired to a fake handler and a fake clock that moves only when a test advances it.</summary>
public sealed class TestClients : IDisposable
{
    /// <summary>The HMAC secret of Binance's documented test vector.</summary>
    public const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /// <summary>The API key of Binance's documented example.</summary>
    public const string DocApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    private readonly List<BinanceClient> _clients = [];

    public WatchedFakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, 500, TimeSpan.Zero));

    public FakeBinanceHandler Handler { get; }

    public TestClients() => Handler = new FakeBinanceHandler(Time);

    public BinanceClientOptions Options(Action<BinanceClientOptions>? configure = null)
    {
        var options = new BinanceClientOptions { Time = Time };
        configure?.Invoke(options);
        return options;
    }

    public BinanceClient Hmac(Action<BinanceClientOptions>? configure = null) =>
        Track(new BinanceClient(new ApiCredentials(DocApiKey, new SecretText(DocSecret), SigningKind.Hmac), Options(configure), Handler));

    public BinanceClient With(ApiCredentials credentials, Action<BinanceClientOptions>? configure = null) =>
        Track(new BinanceClient(credentials, Options(configure), Handler));

    public static string Data(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Handler.Dispose();
    }

    private BinanceClient Track(BinanceClient client)
    {
        _clients.Add(client);
        return client;
    }
}
