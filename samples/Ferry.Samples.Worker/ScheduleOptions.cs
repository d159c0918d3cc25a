namespace Ferry.Samples.Worker;

/// <summary>The schedule (section "Schedule"): move <see cref="Amount"/> USDT from spot to USDⓈ-M futures every
/// <see cref="Every"/>, <see cref="Times"/> times, then stop the host.</summary>
public sealed class ScheduleOptions
{
    public decimal Amount { get; set; } = 5m;

    public TimeSpan Every { get; set; } = TimeSpan.FromSeconds(10);

    public int Times { get; set; } = 3;
}
