using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ferry.Server.Api;

/// <summary>
/// The types the OpenAPI document describes beyond the API's own records: the query and route parameters (strings) and
/// the problem answers that <c>ProducesProblem</c> declares. Last in the resolver chain, so the JIT build, whose
/// reflection resolver answers first, is unchanged; the Native AOT build (no reflection) describes them from here.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class OpenApiJsonContext : JsonSerializerContext;
