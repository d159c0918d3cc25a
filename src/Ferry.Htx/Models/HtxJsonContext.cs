using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>
/// Source-generated JSON metadata for every answer the client reads (no reflection at run time). Every decimal
/// (and decimal?, whose null stays null) goes through <see cref="HtxDecimalJsonConverter"/>.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(HtxDecimalJsonConverter)],
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(HtxV2Response<long?>))]
[JsonSerializable(typeof(HtxV1Response<IReadOnlyList<HtxAccount>>))]
[JsonSerializable(typeof(HtxV1Response<HtxAccountBalance>))]
[JsonSerializable(typeof(HtxSwapResponse<IReadOnlyList<HtxIsolatedAccount>>))]
[JsonSerializable(typeof(HtxSwapResponse<IReadOnlyList<HtxCrossAccount>>))]
[JsonSerializable(typeof(HtxV2Response<IReadOnlyList<HtxLedgerRow>>))]
public sealed partial class HtxJsonContext : JsonSerializerContext
{
}
