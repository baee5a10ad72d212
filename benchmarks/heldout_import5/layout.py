"""From a file's spec and its entries to rows (sheets, CSV, Word tables) or paragraphs.

Every row carries its own truth (kind, entry, description, note), so the truth file is
written from exactly what the writer writes. Row numbers are given by the writer's order.
"""

import datetime as dt
import re
from dataclasses import dataclass

from content import AGENCIES, COMMENT, OUTCOMES, TYPES, any_day, cont_text, initial_name, refno
from render import DAYS, MONTHS, date_text, fmt_day, fmt_time, fmt_us, ordinal, time_ok_for


@dataclass(eq=False)
class Row:
    cells: list
    kind: str | None = None  # None: not in the truth (title block, header)
    entry: object = None
    desc: str = ""  # the description as a reviewer reads it (after a leading time)
    note: str = ""
    parent: object = None  # the record Row a continuation carries on
    merge: bool = False  # one text across the table (title, section)
    bold: bool = False
    style: str = ""  # paragraphs: Heading 1/2, etc.


def collapse(s):
    return re.sub(r"\s+", " ", s or "").strip()


def blank(ncol):
    return Row([""] * ncol, "skip", note="blank row")


def time_text(spec, t, rng):
    st = spec["tstyle"]
    if not time_ok_for(st, t):
        st = "colon"
    return fmt_time(t, st)


def us_time(t):
    h, m = int(t[:2]), int(t[3:])
    return f"{h % 12 or 12}:{m:02d}:00 {'AM' if h < 12 else 'PM'}"


def entry_date_cell(spec, e, rng):
    """the date cell: a typed value where the spreadsheet types it, else text"""
    if e.extra.get("background"):
        return e.extra["background"]
    with_time = spec["time_mode"] in ("in_date", "date_newline") and e.time
    if spec.get("typed") and e.kind == "day":
        if spec["time_mode"] == "in_date":
            h, m = (int(e.time[:2]), int(e.time[3:])) if e.time else (0, 0)
            return dt.datetime(e.date.year, e.date.month, e.date.day, h, m)
        return e.date
    s = date_text(e, rng, spec["dstyle"], spec.get("us"))
    if with_time and e.kind == "day":
        if spec.get("us"):
            return f"{s} {us_time(e.time)}"
        if spec["time_mode"] == "date_newline":
            return f"{s}\n{time_text(spec, e.time, rng)}"
        return s + rng.choice([" ", " ", " at ", " @ "]) + time_text(spec, e.time, rng)
    if spec["time_mode"] == "in_date" and e.kind == "day" and spec.get("midnight"):
        return s + " 00:00:00"  # an export's date-time field with no time recorded
    return s


def entered_cell(spec, e, rng):
    d = e.date + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 5, 9, 16]))
    if e.end:
        d = max(d, e.end)
    stamp = f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
    if spec.get("typed") and rng.random() < 0.8:
        return dt.datetime(d.year, d.month, d.day, int(stamp[:2]), int(stamp[3:]))
    s = fmt_us(d, spec["dstyle"]) if spec.get("us") else fmt_day(d, "dmy")
    return s + (f" {stamp}:{rng.randint(10, 59)}" if rng.random() < 0.5 else "")


def desc_cell(spec, e, rng, fam):
    """(cell text, description as the truth reads it)"""
    text = e.text
    if rng.random() < spec.get("multiline_rate", 0):
        text = text + "\n" + cont_text(rng, fam)
    if "signature" in spec["evidence"]:
        role = rng.choice(AGENCIES[e.agency]["roles"][:3])
        text += rng.choice(
            [
                f"\n{initial_name(rng)}, {role}",
                f" - {initial_name(rng)} ({role})",
                f"\nSigned: {initial_name(rng)} {role}",
            ]
        )
    if spec["time_mode"] == "text_start" and e.time:
        pre = time_text(spec, e.time, rng)
        pre = rng.choice([pre + " - ", pre + ": ", pre + " ", "At " + pre + ", "])
        return pre + text, text
    return text, text


def record_cells(spec, e, i, rng, fam):
    vals = {}
    desc_text, desc = desc_cell(spec, e, rng, fam)
    for role in spec["cols"]:
        if role == "seq":
            v = i + 1
        elif role == "date":
            v = entry_date_cell(spec, e, rng)
        elif role == "time":
            if e.time:
                v = (
                    dt.time(int(e.time[:2]), int(e.time[3:]))
                    if spec.get("typed_time")
                    else time_text(spec, e.time, rng)
                )
            else:
                v = rng.choice(["", "", "", "N/K", "-", "unknown"]) if spec.get("nk_times") else ""
        elif role == "entered":
            v = entered_cell(spec, e, rng)
        elif role == "desc":
            v = desc_text
        elif role == "agency":
            v = rng.choice(spec["labels"][e.agency])
        elif role == "author":
            v = initial_name(rng)
            if spec.get("author_role"):
                v += f" ({rng.choice(AGENCIES[e.agency]['roles'])})"
        elif role == "role":
            v = rng.choice(AGENCIES[e.agency]["roles"])
        elif role == "ref":
            v = e.extra.setdefault("ref", refno(rng, spec.get("refstyle")))
        elif role == "outcome":
            v = rng.choice(OUTCOMES)
        elif role == "type":
            v = rng.choice(TYPES)
        elif role == "commentary":
            v = rng.choice(COMMENT)
        elif role == "child":
            v = fam.child + " " + fam.sur
        else:
            raise ValueError(role)
        vals[role] = v
    return Row([vals[r] for r in spec["cols"]], "record", e, desc)


def cont_row(spec, parent, rng, fam):
    cells = ["" for _ in spec["cols"]]
    cells[spec["cols"].index("desc")] = cont_text(rng, fam)
    if "author" in spec["cols"] and rng.random() < 0.3:
        cells[spec["cols"].index("author")] = initial_name(rng)
    return Row(cells, "continuation", parent=parent)


def noise_row(spec, kind, rng, fam, ncol, header, nxt):
    first = [""] * ncol

    def one(text, note, merge=True):
        c = list(first)
        c[0] = text
        return Row(c, "skip", note=note, merge=merge)

    if kind == "blank":
        return blank(ncol)
    if kind == "header":
        return Row(list(header), "skip", note="repeated header")
    if kind == "furniture":
        t = rng.choice(
            [
                f"Page {rng.randint(2, 19)} of {rng.randint(20, 40)}",
                "OFFICIAL - SENSITIVE",
                f"Printed {any_day(rng, 2024)} {rng.randint(8, 17)}:{rng.randint(10, 59)}"
                f" by {fam.sur.lower()}x",
                "RESTRICTED - not for onward disclosure",
                "Confidential: contains third-party information",
            ]
        )
        return one(t, "page furniture")
    if kind == "section":
        # a heading for what follows: the next entry's year or month, or a phase of the case
        y, mo = nxt.date.year, MONTHS[nxt.date.month - 1]
        t = rng.choice(
            [
                f"{y}",
                f"--- {y} ---",
                f"Period {rng.randint(1, 4)}: April {y} - March {y + 1}",
                "Case transferred to locality team",
                f"{mo} {y}",
                "KEY PRACTICE EPISODE " + str(rng.randint(1, 4)),
            ]
        )
        return one(t, "section")
    if kind == "note":
        t = rng.choice(
            [
                f"{fam.child} DOB: {any_day(rng, rng.randint(2010, 2019))}",
                "Note: entries in grey were added after the rapid review",
                "NB the case file for 2021 was archived; entries below from the paper file",
                f"Sibling {fam.sib} born {ordinal(rng.randint(1, 28))} {rng.choice(MONTHS)}"
                f" {rng.randint(2012, 2020)}",
                "Entries below this line are from the previous local authority",
            ]
        )
        return one(t, "note")
    if kind == "subtotal":
        return one(
            rng.choice(
                [
                    f"Total contacts in period: {rng.randint(5, 40)}",
                    f"Subtotal: {rng.randint(3, 30)} entries",
                    f"Count = {rng.randint(5, 60)}",
                ]
            ),
            "subtotal",
            merge=False,
        )
    raise ValueError(kind)


def body_rows(spec, entries, rng, fam, header):
    """records with continuation and noise rows between them"""
    ncol = len(spec["cols"])
    out = []
    groups = [(None, entries)]
    if spec.get("multi") == "sections":
        groups = [(a, [e for e in entries if e.agency == a]) for a in spec["agencies"]]
    i = 0
    for ag, es in groups:
        if ag is not None:
            c = [""] * ncol
            c[0] = spec["section_labels"][ag]
            out.append(Row(c, "skip", note="section", merge=True, bold=True))
        for e in es:
            if (
                out
                and out[-1].kind in ("record", "continuation")
                and rng.random() < spec["noise_rate"]
            ):
                out.append(noise_row(spec, rng.choice(spec["noise"]), rng, fam, ncol, header, e))
            rec = record_cells(spec, e, i, rng, fam)
            i += 1
            out.append(rec)
            if rng.random() < spec["cont_rate"] and "desc" in spec["cols"]:
                out.append(cont_row(spec, rec, rng, fam))
                if rng.random() < 0.2:
                    out.append(cont_row(spec, rec, rng, fam))
    while out and out[-1].kind == "skip" and out[-1].note != "section":
        out.pop()  # no noise after the last record; footers follow
    return out


def footer_rows(spec, rng, fam, ncol, n):
    rows = []
    for f in spec.get("footer", []):
        c = [""] * ncol
        c[0] = f.format(
            n=n, who=initial_name(rng), d=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024"
        )
        rows.append(Row(c, "skip", note="footer", merge=True))
    return rows


def title_rows(spec, ncol):
    rows = []
    for t in spec.get("title", []):
        c = [""] * ncol
        if isinstance(t, tuple):  # key / value
            c[0], c[1] = t
            rows.append(Row(c))
        else:
            c[0] = t
            rows.append(Row(c, merge=True, bold=True))
    if rows:
        rows.append(Row([""] * ncol))
    return rows


def header_rows(spec):
    names = [spec["head"][r] for r in spec["cols"]]
    rows = []
    if spec["header_rows"] == 2:
        grp = []
        for r in spec["cols"]:
            grp.append(
                "WHEN"
                if r in ("date", "time", "entered")
                else ("WHAT" if r in ("desc", "type", "outcome") else "WHO / OTHER")
            )
        # a group row names each group once, over its first column
        shown = [g if k == 0 or grp[k - 1] != g else "" for k, g in enumerate(grp)]
        rows.append(Row(shown, bold=True))
    if spec["header_rows"]:
        rows.append(Row(names, bold=True))
    return rows, names


def sheet_rows(spec, entries, rng, fam, with_title=True):
    """title block, header, body, blank, footers: one sheet or CSV"""
    ncol = len(spec["cols"])
    hdr, names = header_rows(spec)
    body = body_rows(spec, entries, rng, fam, names)
    rows = (title_rows(spec, ncol) if with_title else []) + hdr + body
    foot = footer_rows(spec, rng, fam, ncol, sum(1 for r in body if r.kind == "record"))
    if foot:
        rows.append(Row([""] * ncol))  # the blank row before a footer is not listed
        rows += foot
    return rows


# -- paragraph diaries ----------------------------------------------------------------------


def para_entries(spec, entries, rng, fam):
    """a Word diary: one entry a paragraph (or a block of paragraphs)"""
    st = spec["pstyle"]
    out = [
        Row([t], merge=True, style="Title" if k == 0 else "")
        for k, t in enumerate(spec.get("title", []))
    ]
    if out:
        out.append(Row([""]))
    month = None
    cur_agency = None
    for e in entries:
        if spec.get("multi") == "sections" and e.agency != cur_agency:
            cur_agency = e.agency
            out.append(
                Row([spec["section_labels"][e.agency]], "skip", note="section", style="Heading 1")
            )
        if out and out[-1].kind in ("record", "continuation") and rng.random() < spec["noise_rate"]:
            out.append(Row([""], "skip", note="blank row"))
        text, desc = desc_cell(spec, e, rng, fam)
        tm = time_text(spec, e.time, rng) if e.time else ""
        ds = date_text(e, rng, spec["dstyle"])
        if st == "month_heading":
            key = (e.date.year, e.date.month)
            if key != month:
                month = key
                out.append(
                    Row(
                        [f"{MONTHS[e.date.month - 1]} {e.date.year}"],
                        "skip",
                        note="section",
                        style="Heading 2",
                    )
                )
            if e.kind == "day":
                ds = rng.choice(
                    [
                        ordinal(e.date.day),
                        f"{e.date.day}",
                        f"{DAYS[e.date.weekday()][:3]} {e.date.day}",
                    ]
                )
            line = ds + (f" {tm}" if tm else "") + rng.choice([" – ", " - ", ": "]) + text
            out.append(Row([line], "record", e, desc))
        elif st == "dash":
            line = (
                ds
                + (rng.choice([" ", " at ", ", "]) + tm if tm else "")
                + rng.choice([" – ", " - ", ": ", "\t"])
                + text
            )
            out.append(Row([line], "record", e, desc))
        elif st == "narrative":
            if e.kind == "day":
                lead = rng.choice(["On ", "On ", ""]) + fmt_day(
                    e.date, rng.choice(["ord", "long", "wk_ord"])
                )
            else:
                lead = ds[0].upper() + ds[1:]
            line = lead + (f" at {tm}" if tm else "") + ", " + text[0].lower() + text[1:]
            out.append(Row([line], "record", e, desc[0].lower() + desc[1:]))
        elif st == "entered":
            w = fmt_day(e.date + dt.timedelta(days=rng.choice([1, 2, 4, 7])), "dmy")
            line = ds + (f" {tm}" if tm else "") + f" (written up {w}): " + text
            out.append(Row([line], "record", e, desc))
        elif st == "bold_date":
            head = ds + (f" {tm}" if tm else "")
            rec = Row([head], "record", e, desc, bold=True)
            out.append(rec)
            out.append(Row([text], "continuation", parent=rec))
        elif st == "fields":
            rec = Row([f"Date: {ds}"], "record", e, desc)
            out.append(rec)
            if tm:
                out.append(Row([f"Time: {tm}"], "continuation", parent=rec))
            out.append(
                Row([f"{spec.get('entry_label', 'Entry')}: {text}"], "continuation", parent=rec)
            )
            out.append(Row([f"By: {initial_name(rng)}"], "continuation", parent=rec))
        elif st == "fields_one":
            bits = [f"Date: {ds}"] + ([f"Time: {tm}"] if tm else []) + [f"Details: {text}"]
            out.append(Row(["\n".join(bits)], "record", e, desc))
        else:
            raise ValueError(st)
        if rng.random() < spec["cont_rate"] and st not in ("fields", "fields_one"):
            out.append(
                Row(
                    [cont_text(rng, fam)],
                    "continuation",
                    parent=out[-1] if out[-1].kind == "record" else out[-1].parent,
                )
            )
    for f in spec.get("footer", []):
        out.append(Row([""]))
        out.append(
            Row(
                [f.format(n=len(entries), who=initial_name(rng), d="03/06/2024")],
                "skip",
                note="footer",
            )
        )
    # the blank before a footer is not listed
    for k in range(1, len(out)):
        if out[k].kind == "skip" and out[k].note == "footer" and out[k - 1].cells == [""]:
            out[k - 1].kind = None
    return out
