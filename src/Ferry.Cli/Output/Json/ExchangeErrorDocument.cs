using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output.Json;

/// <summary>The exchange's refusal: its HTTP status, its own code (text, as the exchange sends it) and message.</summary>
internal sealed record ExchangeErrorDocument(int HttpStatus, string Code, string Message)
{
    public static ExchangeErrorDocument From(ExchangeError error) => new(error.HttpStatus, error.Code, error.Message);
}
