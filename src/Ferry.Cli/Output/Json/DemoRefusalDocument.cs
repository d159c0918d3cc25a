using System.Text.Json.Serialization;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output.Json;

/// <summary>The demo's refused move: the exchange's status, code and message, or only a message when it did not refuse.</summary>
internal sealed record DemoRefusalDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? HttpStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code,
    string Message)
{
    public static DemoRefusalDocument Of(ExchangeError? error, string message) =>
        error is null ? new(null, null, message) : new(error.HttpStatus, error.Code, error.Message);
}
