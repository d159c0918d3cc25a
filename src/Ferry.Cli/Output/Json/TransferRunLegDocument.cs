using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>One leg of an executed transfer plan: its journal entry's state, endpoint and ids; the error code and message when it did not finish.</summary>
internal sealed record TransferRunLegDocument(int Index, string JournalId, string Outcome, string Endpoint, string Account, ExchangeIdValue? TranId,
    string? ClientTranId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message);
