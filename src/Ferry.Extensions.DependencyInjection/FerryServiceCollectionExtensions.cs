using Ferry.Binance;
using Ferry.Core.Http;
using Ferry.Core.Safety;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Service;
using Ferry.Htx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>
/// <c>services.AddFerryBinance(configuration.GetSection("Ferry:Binance"))</c> and <c>AddFerryHtx(...)</c>: one client
/// per container (a singleton, as its rate limiter and server clock must be shared by every caller of one key), its
/// options bound from the section (the key as <see cref="FerryKeyOptions"/>, the rest as the client's options) and
/// validated when the host starts, its HTTP handler from <see cref="IHttpMessageHandlerFactory"/> (a named client whose
/// primary handler is Ferry's own: no proxy from the environment, the account's proxy only where allowed), the
/// container's <see cref="TimeProvider"/>, and the container's <see cref="ILogger"/> (the clients' event ids 2001-2199).
/// </summary>
public static class FerryServiceCollectionExtensions
{
    /// <summary>The named HTTP client the Binance client's handler comes from.</summary>
    public const string BinanceHttpClient = "Ferry.Binance";

    /// <summary>The named HTTP client the HTX client's handler comes from.</summary>
    public const string HtxHttpClient = "Ferry.Htx";

    public static IServiceCollection AddFerryBinance(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FerryKeyOptions>(BinanceHttpClient).Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FerryKeyOptions>>(new KeyOptionsValidation(BinanceHttpClient, "Binance"));
        services.AddOptions<BinanceClientOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BinanceClientOptions>>(new ClientOptionsValidation<BinanceClientOptions>(o => o.Validate()));
        services.AddHttpClient(BinanceHttpClient).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BinanceClientOptions>>().Value;
            return KeyedHttpHandler.Create(options.BaseAddress, options.Proxy, KeyHostAllowlist.BinanceHosts);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BinanceClientOptions>>().Value;
            options.Time = sp.GetRequiredService<TimeProvider>();
            options.Logger = sp.GetService<ILoggerFactory>()?.CreateLogger<BinanceClient>() ?? options.Logger;
            var key = sp.GetRequiredService<IOptionsMonitor<FerryKeyOptions>>().Get(BinanceHttpClient);
            return new BinanceClient(key.Credentials(), options, sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(BinanceHttpClient));
        });
        return services;
    }

    /// <summary>
    /// Registers the engine's one door, <see cref="TransferService"/> (a singleton: one journal, one set of venue sessions),
    /// built from <paramref name="configure"/>'s accounts and journal file, the container's <see cref="TimeProvider"/> and
    /// loggers; the options are checked when the host starts (<see cref="FerryEngineOptions"/>).
    /// </summary>
    public static IServiceCollection AddFerry(this IServiceCollection services, Action<FerryEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FerryEngineOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FerryEngineOptions>, EngineOptionsValidation>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FerryEngineOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var loggers = sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
            var journal = options.JournalPath!;
            return new TransferService(new TransferServiceOptions
            {
                Accounts = [.. options.Accounts],
                OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(SqliteTransferJournal.Open(journal, time)),
                Venues = new ContainerVenueConnector(time, loggers),
                Time = time,
                Logger = loggers.CreateLogger<TransferService>(),
                Requester = Requester.Token(options.Requester),
            });
        });
        return services;
    }

    public static IServiceCollection AddFerryHtx(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FerryKeyOptions>(HtxHttpClient).Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FerryKeyOptions>>(new KeyOptionsValidation(HtxHttpClient, "HTX"));
        services.AddOptions<HtxClientOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HtxClientOptions>>(new ClientOptionsValidation<HtxClientOptions>(o => o.Validate()));
        services.AddHttpClient(HtxHttpClient).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HtxClientOptions>>().Value;
            return KeyedHttpHandler.Create(options.SpotBaseAddress, options.Proxy, KeyHostAllowlist.HtxHosts);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HtxClientOptions>>().Value;
            options.Time = sp.GetRequiredService<TimeProvider>();
            options.Logger = sp.GetService<ILoggerFactory>()?.CreateLogger<HtxClient>() ?? options.Logger;
            var key = sp.GetRequiredService<IOptionsMonitor<FerryKeyOptions>>().Get(HtxHttpClient);
            return new HtxClient(key.Credentials(), options, sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HtxHttpClient));
        });
        return services;
    }
}
