using System.Globalization;

namespace Ferry.Cli.Output;

/// <summary>How table cells show times and flags.</summary>
internal static class CellText
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";
}
