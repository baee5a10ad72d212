"""The static timeline figure (matplotlib, no browser): a swimlane per agency, a marker per
source record, the records of one merged event joined across lanes, key practice episodes
as shaded periods. Sized to be read across an A4 page; the report embeds it as PNG and
`--format png|svg` writes it alone.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display, no browser

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from .data import ReviewData  # noqa: E402
from .text import day  # noqa: E402

# Text stays text in SVG, so the publication check can read it and people can search it.
_RC = {"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 8}
_FLAGGED = {"key_decision", "missed_opportunity", "needs_escalation", "good_practice"}


def build_figure(
    data: ReviewData, *, width_in: float = 11.0, max_height_in: float = 12.0
) -> Figure:
    """The figure, drawn at the size it is printed (8 pt text); the caller saves it."""
    with plt.rc_context(_RC):
        lanes = list(reversed(data.agencies))  # first agency on top
        y_of = {a: i for i, a in enumerate(lanes)}
        height = min(max_height_in, max(3.0, 0.55 * len(lanes) + 1.9))
        fig = Figure(figsize=(width_in, height), dpi=150, layout="constrained")
        ax = fig.add_subplot()

        lo, hi = _x_range(data)
        pad = max(7, (hi - lo).days // 60)
        ax.set_xlim(lo - timedelta(days=pad), hi + timedelta(days=pad))

        for i, _a in enumerate(lanes):
            if i % 2 == 0:
                ax.axhspan(i - 0.5, i + 0.5, color="#F2F2F2", zorder=0, linewidth=0)

        for ep in data.episodes:
            if ep.date_start:
                end = ep.date_end or ep.date_start
                ax.axvspan(
                    ep.date_start, end + timedelta(days=1), color="#DDDDDD", alpha=0.6, zorder=0.5
                )
                right_half = ep.date_start > lo + (hi - lo) / 2
                ax.text(
                    end + timedelta(days=1) if right_half else ep.date_start,
                    len(lanes) - 0.45,
                    ep.title,
                    fontsize=6.5,
                    va="bottom",
                    ha="right" if right_half else "left",
                )

        for e in data.events:
            pts = sorted(
                ((r.date_start, y_of[r.agency]) for r in e.records if r.agency in y_of),
                key=lambda p: p[1],
            )
            if len({y for _, y in pts}) > 1:
                xs, ys = zip(*pts, strict=True)
                ax.plot(xs, ys, color="#555555", linewidth=0.7, alpha=0.7, zorder=1)
            if any(a.kind in _FLAGGED for a in e.annotations):
                for x, y in pts:
                    ax.plot(
                        x,
                        y,
                        marker="o",
                        markersize=9,
                        markerfacecolor="none",
                        markeredgecolor="#000000",
                        markeredgewidth=1.0,
                        zorder=3,
                    )

        for agency in lanes:
            xs = [r.date_start for r in data.records if r.agency == agency]
            if xs:
                ax.scatter(
                    xs,
                    [y_of[agency]] * len(xs),
                    s=22,
                    color=data.colour(agency),
                    edgecolors="#333333",
                    linewidths=0.4,
                    zorder=2,
                )

        ax.set_yticks(range(len(lanes)), labels=lanes)
        ax.set_ylim(-0.6, len(lanes) - 0.4 + (0.5 if data.episodes else 0))
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.xaxis.set_minor_locator(mdates.MonthLocator())
        ax.grid(axis="x", which="major", color="#CCCCCC", linewidth=0.5)
        ax.tick_params(axis="x", labelrotation=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

        title = f"{data.title}: multi-agency timeline"
        if data.period_start and data.period_end:
            title += f" ({day(data.period_start)} to {day(data.period_end)})"
        ax.set_title(title, fontsize=10, loc="left")
        legend = [
            Line2D([0], [0], color="#555555", linewidth=0.7, label="same event, several agencies"),
            Line2D(
                [0],
                [0],
                marker="o",
                linestyle="",
                markersize=8,
                markerfacecolor="none",
                markeredgecolor="#000000",
                label="tagged in the review",
            ),
        ]
        ax.legend(
            handles=legend,
            loc="upper left",
            bbox_to_anchor=(0, -0.08),
            ncol=2,
            frameon=False,
            fontsize=7,
        )
        return fig


def _x_range(data: ReviewData) -> tuple[date, date]:
    """The review period, widened to the records but not by more than a few months: a
    record of years before (history) would squash the period itself."""
    dates = [r.date_start for r in data.records]
    ps, pe = data.period_start, data.period_end
    if ps and pe:
        lo, hi = ps, pe
        if dates:
            lo = min(lo, max(min(dates), ps - timedelta(days=90)))
            hi = max(hi, min(max(dates), pe + timedelta(days=30)))
        return lo, hi
    if dates:
        return min(dates), max(dates)
    return date.today(), date.today() + timedelta(days=1)


def figure_texts(fig: Figure) -> list[str]:
    """Every text drawn on the figure (titles, labels, ticks, legend, episode names)."""
    fig.canvas.draw()  # tick labels exist only once drawn
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def save_figure(fig: Figure, target: Path | io.BytesIO, fmt: str) -> None:
    with plt.rc_context(_RC):
        fig.savefig(target, format=fmt, dpi=150, metadata=_metadata(fmt))


def _metadata(fmt: str) -> dict[str, str | None]:
    # No creation date (reproducible files); the software name only.
    if fmt == "svg":
        return {"Date": None, "Creator": "Learning Review Timeline"}
    if fmt == "png":
        return {"Software": "Learning Review Timeline"}
    return {}


def png_bytes(fig: Figure) -> bytes:
    buf = io.BytesIO()
    save_figure(fig, buf, "png")
    return buf.getvalue()
