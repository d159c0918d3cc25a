using Ferry.Engine.Policy;

namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry policy show|check|init --json</c>: where the file is, whether it exists, the default and the rules
/// in the order they are tried.</summary>
internal sealed record PolicyDocument(string Path, bool Exists, string Default, string DefaultExplanation, IReadOnlyList<PolicyRuleDocument> Rules)
{
    public static PolicyDocument Of(string path, TransferPolicy? policy) => policy is null
        ? new(path, false, "allow", "There is no policy file, so every move is allowed.", [])
        : new(path, true, ActionName(policy.Default), policy.ExplainDefault(), [.. policy.Rules.Select(PolicyRuleDocument.Of)]);

    /// <summary>The action as the file writes it.</summary>
    public static string ActionName(PolicyAction action) => action switch
    {
        PolicyAction.Allow => "allow",
        PolicyAction.Block => "block",
        _ => "require-approval",
    };
}
