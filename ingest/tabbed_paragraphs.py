"""A Word chronology typed as paragraphs with tabs between its columns ("22/05/19 <tab>
2320 <tab> SW Vale <tab> Home visit ..."): a table without the table. When most of the
entries' paragraphs hold tabs, each is split at its tabs into cells, so its date, time,
practitioner and text are read as columns (by their content, as any table's). A paragraph
without tabs below the first tabbed one (the rest of an entry, a note) goes in the column
where the tabbed paragraphs hold their longest text, so it can join the entry above; the
title lines above stay in the first column.
"""

from __future__ import annotations

from collections import Counter

MIN_SHARE = 0.5  # of the filled paragraphs from the first tabbed one on
MIN_TABBED = 3


def split_tabbed(rows: list[list[object]]) -> tuple[list[list[object]], str] | None:
    """The paragraphs as rows of cells, and a note; None when they are not tabbed."""
    texts = [str(r[0]) if r and r[0] is not None else "" for r in rows]
    tabbed = [i for i, t in enumerate(texts) if "\t" in t.strip()]
    if len(tabbed) < MIN_TABBED:
        return None
    below = [t for t in texts[tabbed[0] :] if t.strip()]
    if len(tabbed) < MIN_SHARE * len(below):
        return None
    split = {i: [c.strip() for c in texts[i].strip().split("\t")] for i in tabbed}
    width = Counter(len(c) for c in split.values()).most_common(1)[0][0]
    if width < 2:
        return None
    # the column where the tabbed rows hold their longest text: the entries' text
    length = Counter()
    for cells in split.values():
        for c, cell in enumerate(cells[:width]):
            length[c] += len(cell)
    text_col = length.most_common(1)[0][0]
    out: list[list[object]] = []
    for i, text in enumerate(texts):
        if i in split:
            cells = split[i]
            if len(cells) > width:  # tabs inside the text: they stay in the last column
                cells = [*cells[: width - 1], " ".join(cells[width - 1 :])]
            out.append(cells + [""] * (width - len(cells)))
            continue
        row: list[object] = [""] * width
        row[text_col if i > tabbed[0] else 0] = text.strip()
        out.append(row)
    note = (
        f"the paragraphs hold their columns between tabs ({len(tabbed)} of them): "
        f"each was read as a row of {width} cells"
    )
    return out, note
