using System.Globalization;
using System.Text;
using Ferry.Core.Money;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>
/// A Sankey picture of one asset's flows, drawn as SVG on the server: senders on the left, receivers on the right, each
/// band as wide as the amount it carried. Amounts are summed as decimals; only the drawing uses floating point.
/// </summary>
internal static class FlowChart
{
    private const double Width = 820, Left = 230, Right = 590, Bar = 14, Gap = 14, Top = 10;
    private static readonly string[] Palette = ["#2d6cdf", "#1f9d8a", "#c2571a", "#7a4fd0", "#b4245c", "#5e7d1c", "#8a6d00", "#0f7fa8"];

    /// <summary>One sender → receiver flow of one asset over the period.</summary>
    public sealed record Flow(string From, string To, decimal Amount);

    public static string Render(string asset, IReadOnlyList<Flow> flows)
    {
        var sources = Nodes(flows, f => f.From);
        var targets = Nodes(flows, f => f.To);
        var total = flows.Sum(f => f.Amount);
        var rows = Math.Max(sources.Count, targets.Count);
        var height = Math.Max(120, rows * 44);
        var scale = (height - (rows - 1) * Gap) / (double)total;
        var sourceY = Positions(sources, scale);
        var targetY = Positions(targets, scale);
        var sourceUsed = sources.ToDictionary(s => s.Name, _ => 0d, StringComparer.Ordinal);
        var targetUsed = targets.ToDictionary(t => t.Name, _ => 0d, StringComparer.Ordinal);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"flows\" data-asset=\"{E(asset)}\" role=\"img\" width=\"{Width}\" height=\"{height + 2 * Top}\" viewBox=\"0 0 {Width} {height + 2 * Top}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(asset)} moved between wallets</title>");
        var mid = (Left + Bar + Right) / 2;
        foreach (var flow in flows.OrderBy(f => Index(sources, f.From)).ThenBy(f => Index(targets, f.To)))
        {
            var band = (double)flow.Amount * scale;
            var y0 = sourceY[flow.From] + sourceUsed[flow.From];
            var y1 = targetY[flow.To] + targetUsed[flow.To];
            sourceUsed[flow.From] += band;
            targetUsed[flow.To] += band;
            var color = Palette[Index(sources, flow.From) % Palette.Length];
            svg.Append(CultureInfo.InvariantCulture,
                    $"<path class=\"band\" data-from=\"{E(flow.From)}\" data-to=\"{E(flow.To)}\" data-amount=\"{WireDecimal.Format(flow.Amount)}\" fill=\"{color}\" fill-opacity=\"0.35\" ")
                .Append(CultureInfo.InvariantCulture,
                    $"d=\"M{Left + Bar:0.#},{y0:0.#} C{mid:0.#},{y0:0.#} {mid:0.#},{y1:0.#} {Right:0.#},{y1:0.#} L{Right:0.#},{y1 + band:0.#} C{mid:0.#},{y1 + band:0.#} {mid:0.#},{y0 + band:0.#} {Left + Bar:0.#},{y0 + band:0.#} Z\">")
                .Append(CultureInfo.InvariantCulture, $"<title>{E(flow.From)} → {E(flow.To)}: {WireDecimal.Format(flow.Amount)} {E(asset)}</title></path>");
        }
        foreach (var (node, i) in sources.Select((n, i) => (n, i)))
            svg.Append(Node(node, sourceY[node.Name], scale, Left, Palette[i % Palette.Length], Left - 6, "end", asset));
        foreach (var node in targets)
            svg.Append(Node(node, targetY[node.Name], scale, Right, "#566173", Right + Bar + 6, "start", asset));
        return svg.Append("</svg>").ToString();
    }

    private sealed record FlowNode(string Name, decimal Amount);

    private static List<FlowNode> Nodes(IReadOnlyList<Flow> flows, Func<Flow, string> side) =>
        [.. flows.GroupBy(side, StringComparer.Ordinal).Select(g => new FlowNode(g.Key, g.Sum(f => f.Amount))).OrderByDescending(n => n.Amount).ThenBy(n => n.Name, StringComparer.Ordinal)];

    private static int Index(List<FlowNode> nodes, string name) => nodes.FindIndex(n => n.Name == name);

    private static Dictionary<string, double> Positions(List<FlowNode> nodes, double scale)
    {
        var positions = new Dictionary<string, double>(StringComparer.Ordinal);
        var y = Top;
        foreach (var node in nodes)
        {
            positions[node.Name] = y;
            y += (double)node.Amount * scale + Gap;
        }
        return positions;
    }

    private static string Node(FlowNode node, double y, double scale, double x, string color, double textX, string anchor, string asset)
    {
        var h = Math.Max(1, (double)node.Amount * scale);
        return string.Create(CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Bar}\" height=\"{h:0.#}\" fill=\"{color}\"><title>{E(node.Name)}: {WireDecimal.Format(node.Amount)} {E(asset)}</title></rect>" +
            $"<text x=\"{textX:0.#}\" y=\"{y + h / 2 + 4:0.#}\" text-anchor=\"{anchor}\">{E(node.Name)} · {WireDecimal.Format(node.Amount)}</text>");
    }
}
