using System.Text.Json.Serialization;

namespace Ferry.Server.Api;

/// <summary>
/// Every request and response of the API, serialized by source generation: camelCase, nulls left out, and a request
/// field the record does not know is refused (a misspelt <c>amout</c> is bad input, not a silently missing amount).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AccountsResponse))]
[JsonSerializable(typeof(BalancesResponse))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(TransferPlanRequest))]
[JsonSerializable(typeof(SweepPlanRequest))]
[JsonSerializable(typeof(RebalancePlanRequest))]
[JsonSerializable(typeof(PlanResponse))]
[JsonSerializable(typeof(ExecutionResponse))]
[JsonSerializable(typeof(JournalListResponse))]
[JsonSerializable(typeof(JournalShowResponse))]
[JsonSerializable(typeof(ReconcileResponse))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(RunEventResponse))]
[JsonSerializable(typeof(ApiTokenFile))]
public sealed partial class ServerJsonContext : JsonSerializerContext;
