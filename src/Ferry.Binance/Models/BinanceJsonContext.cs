using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>Source-generated JSON metadata for every model the client reads (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(UniversalTransferResult))]
[JsonSerializable(typeof(UniversalTransferPage))]
[JsonSerializable(typeof(MarginTransferPage))]
[JsonSerializable(typeof(ServerTimeResult))]
[JsonSerializable(typeof(SubAccountTransferResult))]
[JsonSerializable(typeof(SubAccountFuturesInternalTransferResult))]
[JsonSerializable(typeof(SubAccountUniversalTransferResult))]
[JsonSerializable(typeof(SubAccountUniversalTransferPage))]
[JsonSerializable(typeof(SubAccountFuturesInternalTransferPage))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountSpotTransferRow>))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountUserTransferRow>))]
public sealed partial class BinanceJsonContext : JsonSerializerContext
{
}
