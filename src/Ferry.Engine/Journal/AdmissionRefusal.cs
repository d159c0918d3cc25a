using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;

namespace Ferry.Engine.Journal;

/// <summary>Carries a refusal out of the rolled-back write transaction together with what must be written anyway (the
/// decision's audit row, a new waiting request); the store writes those, then throws <see cref="Exception.InnerException"/>.</summary>
internal sealed class AdmissionRefusal(Exception refusal, IReadOnlyList<(AuditRecord Audit, ApprovalRequest? Waiting)> kept)
    : Exception(refusal.Message, refusal)
{
    public IReadOnlyList<(AuditRecord Audit, ApprovalRequest? Waiting)> Kept { get; } = kept;
}
