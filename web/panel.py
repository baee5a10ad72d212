"""The event panel: every agency's own wording side by side, the match evidence, and the
annotations (with a form to add one). Presentation only; data comes from the store."""

from __future__ import annotations

from datetime import datetime

from dash import Patch, dcc, html

from ingest.validate import fmt
from timeline.view import KIND_LABELS
from timeline.workflow import ANNOTATION_LABELS, queue_summary
from web.forms import labelled
from web.tag_edit import edit_controls

KIND_OPTIONS = [{"label": label, "value": kind} for kind, label in KIND_LABELS.items()]


def _when(rec: dict) -> str:
    start, end = rec["date_start"], rec["date_end"]
    text = fmt(start) if start == end else f"{fmt(start)} – {fmt(end)} ({rec['date_precision']})"
    if rec.get("time"):
        text += f" {rec['time']:%H:%M}"
    return text + (" (approx.)" if rec.get("date_approximate") else "")


record_when = _when  # "12 Mar 2021 14:35": the workshop's voices show dates the same way


def record_card(rec: dict) -> html.Div:
    prov = rec["provenance"]
    where = f"{prov['file_name']}" + (f", {prov['sheet']}" if prov["sheet"] else "")
    where += f", row {prov['row']}"
    issues = rec.get("issues") or []
    return html.Div(
        [
            html.H4(rec["agency"]),
            html.P(_when(rec), className="when"),
            html.P(rec["description"] or "(no description)", className="wording"),
            html.P(["Outcome: ", rec["outcome"]]) if rec.get("outcome") else None,
            html.P(["Practitioner: ", rec["practitioner"]]) if rec.get("practitioner") else None,
            html.P(["Source: ", where], className="provenance"),
            html.Ul([html.Li(i.get("message", str(i))) for i in issues], className="issues")
            if issues
            else None,
        ],
        className="record-card",
    )


def evidence_block(event: dict) -> html.Div | None:
    evidence = event.get("evidence") or {}
    pairs = evidence.get("pairs") or evidence.get("evidence") or []
    if not pairs:
        return None
    items = []
    for p in pairs[:6]:
        if isinstance(p, dict) and p.get("contributions"):
            # worded as what the matcher did (merged), weights of nothing left out
            summary = queue_summary("merged", p.get("weight"), p["contributions"])
        else:
            summary = p.get("summary") if isinstance(p, dict) else str(p)
        items.append(html.Li(summary))
    return html.Details(
        [
            html.Summary(f"Why these were merged (confidence {event.get('confidence', 1):.0%})"),
            html.Ul(items),
        ],
        className="evidence",
    )


def related_block(event: dict) -> html.Section | None:
    """Records of other events related to this one (a meeting's minutes received, its
    outcome letter): listed with the event, related, not the same, never merged into it."""
    related = event.get("related") or []
    if not related:
        return None
    items = []
    for rel in related:
        rec = rel["record"]
        what = "Follows up" if rel["direction"] == "follows_up" else "Followed up by"
        items.append(
            html.Li(
                [
                    html.Strong(f"{what}: "),
                    f"{_when(rec)}, {rec['agency']}: ",
                    html.Span(rec["description"] or "(no description)", className="wording"),
                    html.Small(f" ({rel['reason']})", className="relation-reason"),
                ]
            )
        )
    return html.Section(
        [
            html.H4("Related records (related, not the same event)"),
            html.Ul(items, className="related-records"),
        ],
        className="related",
        **{"aria-label": "Related records"},
    )


def _stamp(value) -> str:
    """'26 Nov 2026 04:08' from a datetime or its ISO text (times are UTC)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.day} {value:%b %Y %H:%M}" if isinstance(value, datetime) else ""


def annotation_item(a: dict, kloe_names: dict[int, str], can_edit: bool, draft=None) -> html.Li:
    """`draft`: what was typed into the edit box and not yet saved, with the version it was
    typed against (kept across redraws; see web/tag_edit.py)."""
    kloes = ", ".join(kloe_names.get(k, str(k)) for k in a.get("kloe_ids", []))
    when = _stamp(a.get("updated_at") or a.get("created_at"))
    return html.Li(
        [
            html.Strong(ANNOTATION_LABELS.get(a["kind"], a["kind"])),
            html.Span(f" · {kloes}" if kloes else ""),
            html.P(a.get("text") or ""),
            html.Small(f"{a.get('author_label', '')} · {when}"),
            *(edit_controls(a, draft) if can_edit else []),
        ],
        className=f"annotation kind-{a['kind']}",
    )


def tag_form_fields(kloe_options: list[dict]) -> list:
    return [
        html.H4("Add a tag"),
        html.Label("Kind of tag", htmlFor="tl-tag-kind", className="field-label"),
        dcc.Dropdown(KIND_OPTIONS, id="tl-tag-kind", placeholder="Choose a kind", clearable=False),
        html.Label("KLOE (one or more)", htmlFor="tl-tag-kloes", className="field-label"),
        dcc.Dropdown(kloe_options, id="tl-tag-kloes", multi=True, placeholder="Choose KLOE"),
        labelled(
            "What the review should note",
            dcc.Textarea(id="tl-tag-text", style={"width": "100%", "height": "5em"}),
            class_name="field",
        ),
        html.Button("Add tag", id="tl-tag-add", n_clicks=0, className="primary"),
    ]


# The event's list of tags and its form, by event: a tag just added changes these two in
# the panel drawn for its event (tag_added), and nothing in a panel drawn for another.
ANNOTATIONS = "tl-anns"
FORM = "tl-tag-form"


def tag_form(kloe_options: list[dict], event_id: int | None = None) -> html.Div:
    return html.Div(
        tag_form_fields(kloe_options),
        className="tag-form",
        id={"type": FORM, "event": event_id},
    )


def _kloe_choices(kloes: list[dict]) -> tuple[dict[int, str], list[dict]]:
    names = {k["id"]: f"KLOE {k['number']}" for k in kloes}
    return names, [{"label": f"{k['number']}. {k['title']}", "value": k["id"]} for k in kloes]


def tag_added(event: dict, kloes: list[dict], *, can_annotate: bool) -> tuple[object, list]:
    """What changes in the event's panel, drawn at the version before, when its reader
    adds a tag (the last of `event`'s annotations): the tag's item is appended to the list
    (the first replaces "None yet."), and the form is new and empty. A patch of the list,
    not the whole panel: drawing every voice and every tag's edit box (web/tag_edit.py)
    again took the browser longer than the save took the server."""
    names, choices = _kloe_choices(kloes)
    annotations = event.get("annotations") or []
    item = annotation_item(annotations[-1], names, can_annotate)
    if len(annotations) == 1:
        listed = [item]
    else:
        listed = Patch()
        listed.append(item)
    return listed, tag_form_fields(choices)


def event_panel(
    event: dict, kloes: list[dict], *, can_annotate: bool, drafts: dict | None = None
) -> html.Div:
    kloe_names, kloe_options = _kloe_choices(kloes)
    agencies = sorted({r["agency"] for r in event["records"]})
    return html.Div(
        [
            html.H3(
                f"{len(agencies)} agenc{'y' if len(agencies) == 1 else 'ies'}: "
                + ", ".join(agencies)
            ),
            html.Div([record_card(r) for r in event["records"]], className="voices"),
            evidence_block(event),
            related_block(event),
            html.H4("Tags and comments"),
            html.Ul(
                [
                    annotation_item(a, kloe_names, can_annotate, (drafts or {}).get(str(a["id"])))
                    for a in event.get("annotations", [])
                ]
                or [html.Li("None yet.")],
                className="annotations",
                id={"type": ANNOTATIONS, "event": event["id"]},
            ),
            tag_form(kloe_options, event["id"]) if can_annotate else None,
        ]
    )
