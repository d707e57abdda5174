/// The status page's stylesheet, inlined in every page (no build step, no files to serve).
enum StatusPageStyle {
    static let css = """
        :root { --ink: #1d2330; --muted: #6b7280; --line: #e5e7eb; --bg: #f6f7f9; --card: #fff;
          --ok: #0f7b3e; --ok-bg: #e3f5ea; --warn: #8a5a00; --warn-bg: #fdf1d6; --bad: #b42318; --bad-bg: #fde7e5;
          --idle: #4b5563; --idle-bg: #eef0f3; --accent: #2f5bea; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          color: var(--ink); background: var(--bg); }
        header { background: #141a26; color: #fff; padding: 14px 28px; display: flex; align-items: baseline; gap: 16px; }
        header h1 { font-size: 18px; margin: 0; letter-spacing: .02em; }
        header .meta { color: #aab2c0; font-size: 13px; margin-left: auto; }
        main { padding: 20px 28px 40px; max-width: 1400px; margin: 0 auto; }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 12px; margin-bottom: 20px; }
        .tile { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
          display: flex; flex-direction: column; justify-content: space-between; }
        .tile .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .tile .value { font-size: 24px; font-weight: 600; margin-top: 2px; }
        .tile.bad .value { color: var(--bad); } .tile.warn .value { color: var(--warn); }
        section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 18px; }
        section h2 { font-size: 15px; margin: 0; padding: 12px 16px; border-bottom: 1px solid var(--line); }
        section h2 .count { color: var(--muted); font-weight: 400; }
        .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; align-items: start; }
        .grid2 section { margin-bottom: 0; }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; padding: 7px 16px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; white-space: nowrap; }
        time { white-space: nowrap; }
        tr:last-child td { border-bottom: none; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .name { font-weight: 600; }
        .muted, .empty { color: var(--muted); }
        .empty { padding: 12px 16px; margin: 0; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
        .badge.ok { color: var(--ok); background: var(--ok-bg); } .badge.warn { color: var(--warn); background: var(--warn-bg); }
        .badge.bad { color: var(--bad); background: var(--bad-bg); } .badge.idle { color: var(--idle); background: var(--idle-bg); }
        .bar { background: var(--idle-bg); border-radius: 4px; height: 8px; min-width: 120px; }
        .bar span { display: block; height: 8px; border-radius: 4px; background: var(--accent); }
        .error { color: var(--bad); font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px;
          word-break: break-word; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0; padding: 12px 16px; }
        dt { color: var(--muted); } dd { margin: 0; word-break: break-all; }
        .signin { max-width: 420px; margin: 80px auto; background: var(--card); border: 1px solid var(--line);
          border-radius: 8px; padding: 24px; }
        .signin input { width: 100%; padding: 8px; margin: 8px 0 12px; font: inherit; }
        .signin button { padding: 8px 16px; font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: 6px; }
        """
}
