using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;
using Ferry.Engine.Policy;

namespace Ferry.Engine.Service;

// The transfer policy's approvals and audit log through the engine's door: previews, the open requests, an answer, the log.
public sealed partial class TransferService
{
    /// <summary>What the policy would decide for <paramref name="proposal"/> now, as asked by this service's requester,
    /// with the rolling budgets of the rules that match it; writes nothing (no policy: every move allowed).</summary>
    public PolicyPreview PreviewPolicy(TransferProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        // No policy file: nothing to judge, and the journal is not even opened.
        if (_policy?.Policy is null) return new PolicyPreview(PolicyDecision.NoPolicy, [], null);
        var first = proposal.Legs[0].Describe() with { Requester = _options.Requester };
        return _policy.Preview(first, proposal.Legs[^1].To.ToString(), Journal);
    }

    /// <summary>Approval requests, newest first: the open ones, or with <paramref name="all"/> every one.</summary>
    public IReadOnlyList<ApprovalRequest> Approvals(bool all = false, int limit = 1000) => Journal.Approvals(all, limit);

    /// <summary>This service's requester answers approval request <paramref name="id"/> (see
    /// <see cref="Journal.ITransferJournal.DecideApproval"/> for what is refused). Only a person answers: an agent or a
    /// token never approves.</summary>
    public ApprovalRequest DecideApproval(string id, bool approve, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (_options.Requester.Kind != RequesterKind.Person)
            throw new ApprovalRefusedException($"Only a person at the command line answers approval requests, not {_options.Requester}; nothing was written.");
        return Journal.DecideApproval(id.Trim(), _options.Requester.Name, approve, reason);
    }

    /// <summary>The audit log from <paramref name="since"/> on, oldest first.</summary>
    public IReadOnlyList<AuditRecord> Audit(DateTimeOffset since, int limit = int.MaxValue) => Journal.Audit(since, limit);
}
