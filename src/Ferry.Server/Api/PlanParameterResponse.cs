namespace Ferry.Server.Api;

/// <summary>One request parameter of a leg, as it will be sent (never a key or signature).</summary>
public sealed record PlanParameterResponse(string Name, string Value);
