using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ferry.Server.Dashboard;

/// <summary>
/// The dashboard's only stylesheet and script, served from this assembly (no build toolchain): the page CSP allows
/// scripts and styles from the server itself only, never inline ones. The script opens the run page's event stream and
/// moves its progress bar; every page reads without it.
/// </summary>
internal static class DashboardAssets
{
    private const string Css = """
        :root { --ink:#1d2430; --muted:#5c6675; --line:#d9dee6; --bg:#f6f7f9; --ok:#1f7a3d; --warn:#a05a00; --bad:#b42318; --sim:#5b3cc4; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui, sans-serif; color:var(--ink); background:var(--bg); }
        header { display:flex; gap:24px; align-items:center; padding:10px 24px; background:#17202c; }
        header a { color:#dfe6ee; text-decoration:none; } header a.active { color:#fff; border-bottom:2px solid #7cc4ff; }
        .brand { font-weight:700; font-size:18px; } nav { display:flex; gap:18px; }
        main { padding:8px 24px 32px; max-width:1200px; }
        h1 { font-size:22px; } h2 { font-size:17px; margin-top:28px; }
        table { border-collapse:collapse; background:#fff; margin:8px 0; }
        th, td { border:1px solid var(--line); padding:4px 10px; text-align:left; vertical-align:top; }
        td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
        tr.total td { font-weight:700; background:#eef1f5; }
        tr.state-unknown td { background:#fff4e0; } tr.state-rejected td { background:#fdecea; } tr.state-sending td { background:#fff9db; }
        .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; }
        .badge.sim { background:#ece7fb; color:var(--sim); } .badge.mainnet { background:#fdecea; color:var(--bad); } .badge.testnet { background:#e7f1fb; color:#1d5f9b; }
        .badge.done { background:#e6f4ea; color:var(--ok); } .badge.unknown, .badge.sending { background:#fff4e0; color:var(--warn); }
        .badge.rejected, .badge.not-executed, .badge.not-sent { background:#fdecea; color:var(--bad); }
        .notice { padding:8px 12px; border-radius:6px; background:#fff; border:1px solid var(--line); }
        .notice.ok { border-color:var(--ok); } .notice.warn { border-color:var(--warn); } .notice.bad { border-color:var(--bad); color:var(--bad); }
        form.inline { display:inline; } form.stack label { display:block; margin:6px 0; }
        input, select, textarea, button { font:inherit; padding:3px 6px; } textarea { width:420px; height:120px; }
        button { cursor:pointer; border:1px solid #2d6cdf; background:#2d6cdf; color:#fff; border-radius:4px; padding:4px 12px; }
        button.danger { background:var(--bad); border-color:var(--bad); }
        progress { width:420px; height:18px; }
        .muted { color:var(--muted); }
        svg text { font:12px system-ui, sans-serif; fill:var(--ink); }
        """;

    private const string Js = """
        // The run page: follow the plan's event stream (a finished run's stream replays it from its start) and move the
        // progress bar, the outcome line and the list of steps; without scripts the page reloads itself while the run runs.
        document.addEventListener('DOMContentLoaded', () => {
          const bar = document.getElementById('progress');
          if (!bar) return;
          const label = document.getElementById('progress-label');
          const outcome = document.getElementById('outcome');
          const log = document.getElementById('events');
          const source = new EventSource('/api/v1/events?plan=' + encodeURIComponent(bar.dataset.plan));
          const show = (e) => {
            const data = JSON.parse(e.data);
            const finished = data.type === 'run-finished' ? data.total : data.finished;
            bar.max = Math.max(data.total, 1);
            bar.value = data.total === 0 && data.type === 'run-finished' ? 1 : finished;
            bar.dataset.seq = String(data.seq);
            label.textContent = finished + ' of ' + data.total + ' move(s) finished';
            const li = document.createElement('li');
            li.className = data.type;
            li.textContent = data.type + (data.moveId ? ' ' + data.moveId : '') + (data.result ? ' ' + data.result.journalId : '') + (data.message ? ': ' + data.message : '');
            log.appendChild(li);
            if (data.type === 'run-finished') {
              source.close();
              outcome.textContent = data.outcome + ': ' + (data.message || '');
              outcome.className = 'notice ' + (data.outcome === 'done' ? 'ok' : 'bad');
            }
          };
          for (const type of ['run-started', 'leg-planned', 'leg-done', 'leg-rejected', 'leg-unknown', 'leg-not-executed', 'leg-sending', 'leg-unsent', 'move-finished', 'run-finished']) {
            source.addEventListener(type, show);
          }
        });
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/dashboard.css", () => Results.Text(Css, "text/css; charset=utf-8", Encoding.UTF8)).ExcludeFromDescription();
        app.MapGet("/assets/dashboard.js", () => Results.Text(Js, "text/javascript; charset=utf-8", Encoding.UTF8)).ExcludeFromDescription();
    }
}
