namespace Ferry.Server.Api;

/// <summary>One leg of a planned move: the endpoint it calls, the account whose key sends it, that account's environment, its rate-limit weights and parameters.</summary>
public sealed record PlanLegResponse(int Index, string Account, string Environment, string Endpoint, string From, string To, string Asset, string Amount,
    int IpWeight, int UidWeight, IReadOnlyList<PlanParameterResponse> Parameters);
