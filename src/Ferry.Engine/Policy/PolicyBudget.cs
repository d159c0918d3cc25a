namespace Ferry.Engine.Policy;

/// <summary>How much of one rule's rolling limit a move would find used (before the move itself), for a preview.</summary>
/// <param name="Rule">The rule whose limit it is.</param>
/// <param name="Limit">The limit in words: <c>24 h of moves of USDT by agents</c>.</param>
/// <param name="Max">The limit's maximum (an amount, or a number of moves).</param>
/// <param name="Used">What the journal's counting moves already use of it.</param>
/// <param name="Unit">The asset for a rolling sum, or <c>moves</c> for a count.</param>
public sealed record PolicyBudget(string Rule, string Limit, decimal Max, decimal Used, string Unit)
{
    /// <summary>What is left before this move (never below zero).</summary>
    public decimal Left => Math.Max(0, Max - Used);
}
