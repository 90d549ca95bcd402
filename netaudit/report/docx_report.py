"""DOCX report (``--format docx``): the inspection report as a Word document the
inspector edits before signing.

Rendered from the same view as the HTML and PDF (:func:`.view.build`), section by
section in the order of ``report.html.j2``: the national header (issuing unit and
number left, Quốc hiệu and Tiêu ngữ right, place and date), the title and the line
"Kèm theo Biên bản kiểm tra số … ngày …", the cover (unit, date, level, legal basis,
conclusion; an empty field a dotted line to fill in by hand), the root causes and the
zone matrix as a table right after it, scope and evidence, the diagram as a PNG
(Graphviz ``dot -Tpng``; a line saying why when it cannot be drawn), the flow details
with their witness paths (section 3, pointing back to the matrix), findings with
evidence lines and the remediation plan, compliance, inventory, signature blocks and
annex A (the site file: SHA-256, zones, overrides).  Zones are named by their display
names in prose and headings (words.zone_names), with their ids in the tables.  Section
headings use Word's heading styles (Heading 1–3, numbered as in the HTML), so they
appear in Word's navigation pane; the page footer carries the unit and "page / pages"
fields.

Text: Times New Roman (the font of Vietnamese administrative documents; it has the
Vietnamese glyphs), configuration lines in Courier New.  Every string passes through
:func:`netaudit.safetext.clean` (control and bidi characters as visible escapes, which
also keeps the XML well-formed).  Secrets: the document is built from the masked JSON,
like every other format.  The file is deterministic: document properties dated from
the report's ``generated`` date and the ZIP entries stamped with a fixed time.
"""

from __future__ import annotations

import io
import struct
from datetime import UTC, date, datetime
from typing import Any

from . import RenderOptions
from .docx_base import (
    AMBER,
    AMBER_BG,
    GREEN,
    GREEN_BG,
    GREY_BG,
    LANGS,
    MUTED,
    RED,
    RED_BG,
    TEXT_WIDTH,
    DocxDocument,
    _c,
    _cant_split,
    _cshade,
    _deterministic_zip,
    _field,
    _pborder,
    _qn,
)
from .view import View, build

SEVERITY_COLORS = {"critical": "B71C1C", "high": "E65100", "medium": "A67C00", "low": "1565C0", "info": "607D8B"}
CELL_COLORS = {"violation": RED_BG, "reachable": GREEN_BG, "unknown": AMBER_BG, "blocked": "FFFFFF"}
STATUS_STYLE = {"met": (GREEN_BG, GREEN), "not_met": (RED_BG, RED), "check": (AMBER_BG, AMBER)}
CONCLUSION_STYLE = {"pass": (GREEN_BG, GREEN), "fail": (RED_BG, RED), "check": (AMBER_BG, AMBER)}
DIAGRAM_MAX_HEIGHT = 21.0  # cm
DIAGRAM_DPI = 200


def render_doc(doc: dict, options: RenderOptions) -> bytes:
    if options.detail is None:  # called directly: the print default (report/detail.py)
        from dataclasses import replace

        options = replace(options, detail="summary")
    v = build(doc, options)
    png, reason = diagram_png(doc, options.lang)
    return _Writer(v, png, reason).write()


# --------------------------------------------------------------------------- diagram


def diagram_png(doc: dict, lang: str) -> tuple[bytes, str]:
    """(PNG of the network diagram, "") or (b"", why it is missing) — the same graph as
    the SVG of the HTML/PDF (:class:`.diagram.Graph`), rasterised by ``dot -Tpng``."""
    from ..messages import t
    from .diagram import Graph
    from .dot import DotError, dot_available, lay_out

    if not doc.get("topology"):
        return b"", t("diagram.no_topology", lang)
    if not dot_available():
        return b"", t("diagram.no_dot", lang)
    g = Graph(doc, lang)
    if g.empty:
        return b"", t("diagram.no_topology", lang)
    try:
        png = lay_out(g.dot(), "png", (f"-Gdpi={DIAGRAM_DPI}",))
    except DotError as e:
        return b"", str(e)
    if not png.startswith(b"\x89PNG"):
        return b"", "dot -Tpng: not a PNG image"
    return png, ""


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from the PNG header (IHDR)."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


# --------------------------------------------------------------------------- writer


class _Writer(DocxDocument):
    """The report, section by section, in the order of ``report.html.j2``."""

    def __init__(self, v: View, png: bytes, png_reason: str):
        super().__init__(LANGS.get(v.lang, "en-GB"))
        self.v = v
        self.t = v.t
        self.png = png
        self.png_reason = png_reason
        self._page()

    # ------------------------------------------------------------------ output

    def write(self) -> bytes:
        v = self.v
        self._cover()
        self._scope()
        self._diagram()
        self._matrix()
        if v.live:
            self._live()
        self._findings()
        if v.remedy:
            self._remedy(v.remedy)
        self._compliance()
        self._inventory()
        self._signatures()
        self._annex()
        self._colophon()
        self._properties()
        buf = io.BytesIO()
        self.doc.save(buf)
        return _deterministic_zip(buf.getvalue())

    # ------------------------------------------------------------------ setup

    def _page(self) -> None:
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Cm, Pt, RGBColor

        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        sec.left_margin, sec.right_margin = Cm(3), Cm(2)
        sec.footer_distance = Cm(1)
        p = sec.footer.paragraphs[0]
        p.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
        runs = [p.add_run(_c(f"{self.v.cover['unit']} — {self.t('report.subtitle')}") + "\t")]
        runs += _field(p, "PAGE", "1")
        runs.append(p.add_run(" / "))
        runs += _field(p, "NUMPAGES", "1")
        for r in runs:
            r.font.size = Pt(8)
            r.font.color.rgb = RGBColor.from_string(MUTED)

    def _properties(self) -> None:
        cp = self.doc.core_properties
        cover = self.v.cover
        cp.title = _c(f"{self.t('report.title')} — {cover['unit']}")[:255]
        cp.subject = _c(self.t("report.subtitle"))[:255]
        cp.author = _c(cover["prepared_by"] or cover["tool"])[:255]
        cp.last_modified_by = _c(cover["tool"])[:255]
        cp.comments = _c(cover["tool"])[:255]
        cp.language = LANGS.get(self.v.lang, "en-GB")
        cp.keywords = ""
        cp.category = ""
        cp.revision = 1
        when = _generated(self.v.doc.get("generated"))
        cp.created = when
        cp.modified = when
        cp.last_printed = when

    def _cover(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        v, t, c = self.v, self.t, self.v.cover
        self._national_header()
        title = self.para(t("report.title"), "Title")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        record = self.para(v.header["record"], italic=True)
        record.alignment = WD_ALIGN_PARAGRAPH.CENTER
        widths = [5.8, 10.2]
        tab = self.table([], widths, header_row=False)
        # An empty field is a dotted line to fill in by hand (view.blank), as in the HTML.
        rows = [
            (t("cover.unit"), c["unit"] or v.blank, True),
            (t("cover.address"), c["address"] or v.blank, False),
            (t("cover.date"), c["date"], False),
            (t("cover.inspected_by"), c["inspected_by"] or v.blank, False),
            (t("cover.prepared_by"), c["prepared_by"] or v.blank, False),
            (c["level_label"], t("cover.level_value", level=c["level"]), False),
            (t("cover.standard"), c["standard"], False),
            (t("cover.tool"), c["tool"], False),
        ]
        for label, value, bold in rows:
            cells = self.row(tab, widths)
            _cshade(cells[0], GREY_BG)
            self.run(cells[0].paragraphs[0], label, bold=True)
            self.run(cells[1].paragraphs[0], value, bold=bold)
        self.para()
        # The conclusion, in a shaded box.
        bg, fg = CONCLUSION_STYLE.get(c["verdict"], (AMBER_BG, AMBER))
        box = self.table([], [TEXT_WIDTH], header_row=False)
        cell = self.row(box, [TEXT_WIDTH])[0]
        _cshade(cell, bg)
        p = cell.paragraphs[0]
        self.run(p, f"{t('cover.conclusion')}: ", bold=True, size=13)
        self.run(p, c["verdict_label"], bold=True, size=18, color=fg)
        for r in c["reasons"]:
            self.para(r, "List Bullet", cell).paragraph_format.space_after = Pt(1)
        self.heading(t("cover.summary"), 2)
        counts = self.table([], [TEXT_WIDTH / len(v.summary)] * len(v.summary), header_row=False)
        for cell, item in zip(self.row(counts, [TEXT_WIDTH / len(v.summary)] * len(v.summary)), v.summary, strict=True):
            self.run(cell.paragraphs[0], str(item["n"]), bold=True, size=14)
            self.run(self.cell_para(cell), item["label"])
        n = len(v.severity_counts)
        sev = self.table([], [TEXT_WIDTH / n] * n, header_row=False)
        for cell, s in zip(self.row(sev, [TEXT_WIDTH / n] * n), v.severity_counts, strict=True):
            sev_fill = SEVERITY_COLORS.get(s["severity"], "607D8B")
            self.run(cell.paragraphs[0], f" {s['label']} ", bold=True, size=9, color="FFFFFF", fill=sev_fill)
            self.run(cell.paragraphs[0], f" {s['n']}", bold=True)
        self.small(t("cover.scope_note"), color=MUTED).paragraph_format.space_before = Pt(6)
        if v.cuts:
            self.para(t("detail.summary_note", where=t("detail.where")), bold=True, size=10)
        self.heading(t("report.toc"), 2)
        sections = [("scope", "section.scope"), ("diagram", "section.diagram"), ("matrix", "section.matrix")]
        if v.live:
            sections.append(("live", "live.report.section"))
        sections += [
            ("findings", "section.findings"),
            ("compliance", "section.compliance"),
            ("inventory", "section.inventory"),
            ("signatures", "section.signatures"),
        ]
        for n, (anchor, key) in enumerate(sections, 1):
            p = self.para()
            p.paragraph_format.space_after = Pt(1)
            self.link(p, f"{n}. {t(key)}", f"section-{anchor}")
        p = self.small()
        p.paragraph_format.space_before = Pt(3)
        self.link(p, v.site_annex["title"], "annex-site")
        if v.root_causes:
            self._root_causes()
        self._matrix_summary()

    def _root_causes(self) -> None:
        """The findings grouped by the configuration lines that decide them (view._findings),
        after the conclusion, each consequence a link to its entry in section 4."""
        v, t = self.v, self.t
        sec = v.sec["findings"]
        self.heading(t("rootcause.title"), 2, "root-causes")
        self.small(t("rootcause.intro", sec=sec))
        widths = [1.0, 4.6, 2.0, 6.0, 2.4]
        keys = ("no", "lines", "severity", "consequences", "plan")
        tab = self.table([t(f"rootcause.col.{k}") for k in keys], widths)
        for r in v.root_causes:
            cells = self.row(tab, widths)
            self.run(cells[0].paragraphs[0], str(r["no"]), size=9)
            for i, e in enumerate(r["lines"]):
                self.loc_code(self.cell_para(cells[1], first=i == 0), e["loc"], e["text"], e["default"])
            if not r["lines"]:
                self.run(cells[1].paragraphs[0], t("finding.no_evidence"), size=9, color=MUTED)
            fill = SEVERITY_COLORS.get(r["severity"], "607D8B")
            self.run(cells[2].paragraphs[0], f" {r['severity_label']} ", bold=True, size=8, color="FFFFFF", fill=fill)
            for i, c in enumerate(r["findings"]):
                text = t("rootcause.consequence", sec=sec, no=c["no"], title=c["title"])
                self.link(self.cell_para(cells[3], first=i == 0), text, f"finding-{c['no']}", size=9)
            if r["more"]:
                self.run(self.cell_para(cells[3]), r["more"], size=9, color=MUTED)
            for i, plan in enumerate(r["plans"]):
                self.link(self.cell_para(cells[4], first=i == 0), plan["device"], plan["anchor"], size=9)
            if not r["plans"]:
                self.run(cells[4].paragraphs[0], t("rootcause.no_plan"), size=9, color=MUTED)
        self.cut(v.notes.get("root_causes", ""))

    def _national_header(self) -> None:
        """The head of a Vietnamese administrative document (ND 30/2020): the issuing unit,
        a short rule and the number on the left; Quốc hiệu, the underlined Tiêu ngữ and
        place and date on the right; a borderless two-column table, as in the HTML."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        h, v = self.v.header, self.v
        # The issuer column narrower than the HTML's 42 %: Quốc hiệu on one line in 12 pt bold
        # also in the wider serif LibreOffice substitutes for Times New Roman.
        widths = [5.6, TEXT_WIDTH - 5.6]
        tab = self.doc.add_table(rows=1, cols=2)  # no borders (the template's Normal Table)
        tab.autofit = False
        for col, w in zip(tab._tbl.tblGrid.findall(_qn("w:gridCol")), widths, strict=True):
            col.w = Cm(w)
        issuer, state = tab.rows[0].cells
        # (cell, text, space before in pt, bold, italic, size, underlined); None: the rule.
        lines: tuple[tuple[Any, str | None, float, bool, bool, float, bool], ...] = (
            (issuer, h["unit"] or v.blank, 0, True, False, 12, False),
            (issuer, None, 0, False, False, 12, False),
            (issuer, h["number"], 6, False, False, 12, False),
            (state, h["nation"], 0, True, False, 12, False),
            (state, h["motto"], 0, True, False, 13, True),  # Tiêu ngữ, underlined
            (state, h["place_date"], 8, False, True, 12, False),
        )
        used: set[int] = set()
        for cell, text, before, bold, italic, size, underline in lines:
            w = widths[0] if cell is issuer else widths[1]
            cell.width = Cm(w)
            p = cell.add_paragraph() if id(cell) in used else cell.paragraphs[0]
            used.add(id(cell))
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(before)
            p.paragraph_format.space_after = Pt(0)
            if text is None:  # a 2.4 cm line, centred under the unit
                p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm((w - 2.4) / 2)
                p.paragraph_format.line_spacing = Pt(4)
                _pborder(p._p.get_or_add_pPr(), "bottom")
                continue
            r = self.run(p, text, size=size, bold=bold, italic=italic)
            if underline:
                r.underline = True
        self.para().paragraph_format.space_after = Pt(6)

    # ------------------------------------------------------------------ scope

    def _scope(self) -> None:
        v, t = self.v, self.t
        self.heading(f"1. {t('section.scope')}", 1, "section-scope", page_break=True)
        self.para(t("scope.intro"))
        widths = [4.0, 3.6, 4.4, 2.0, 2.0]
        tab = self.table([t(f"scope.col.{k}") for k in ("file", "vendor", "devices", "lines", "unrecognized")], widths)
        for f in v.inputs:
            cells = self.row(tab, widths)
            self.run(cells[0].paragraphs[0], f["path"], mono=True, bold=True)
            for cell, value in zip(cells[1:], (f["vendor"], f["devices"], f["lines"], f["unrecognized"]), strict=True):
                self.run(cell.paragraphs[0], str(value))
            sha = self.row(tab, widths)
            merged = sha[0].merge(sha[-1])
            p = merged.paragraphs[0]
            self.run(p, f"{t('scope.col.sha256')}: ", size=8, color=MUTED)
            self.run(p, f["sha256"], mono=True, size=8)
        self.cut(v.notes.get("inputs", ""))
        self.small(t("scope.method", version=v.cover["version"]))
        self.heading(t("scope.limits"), 2)
        lim = v.limits
        if lim["none"]:
            self.para(t("scope.limits.none"))
        if lim["unrecognized"]:
            self.para(t("scope.unrecognized"))
            for grp in lim["unrecognized"]:
                for u in grp["lines"]:
                    self.loc_code(self.bullet(), f"{u['file']}:{u['line']}", u["text"])
                if grp["more"]:
                    self.para(t("scope.more", n=grp["more"]), "List Bullet", color=MUTED)
        if lim["partial"]:
            self.para(t("scope.partial"))
            for p_ in lim["partial"]:
                p = self.bullet()
                self.loc_code(p, p_["loc"], p_["text"])
                self.run(p, f" — {p_['construct']}: {p_['reason']}")
            self.cut(v.notes.get("partial", ""))
        if lim["skipped"]:
            self.para(t("scope.skipped"))
            for f in lim["skipped"]:
                p = self.bullet()
                self.run(p, f["path"], mono=True)
                self.run(p, f": {f['problem']}")
        if lim["warnings"]:
            self.para(t("scope.warnings"))
            for w in lim["warnings"]:
                self.para(w, "List Bullet", size=10)
            self.cut(v.notes.get("warnings", ""))
        self.heading(t("scope.zones"), 2)
        self.para(v.zones_note)
        widths = [3.0, 3.2, 3.8, 6.0]
        if v.zones:
            tab = self.table([t(f"scope.col.{k}") for k in ("zone", "kind", "subnets", "where")], widths)
        for z in v.zones:
            cells = self.row(tab, widths)
            self._chip(cells[0].paragraphs[0], z["color"])
            self.run(cells[0].paragraphs[0], z["name"], bold=True)
            if z["display"]:
                self.run(self.cell_para(cells[0]), z["display"], size=9)
            self.run(cells[1].paragraphs[0], z["kind_label"])
            self.run(cells[2].paragraphs[0], z["subnets"])
            self.run(cells[3].paragraphs[0], z["where"], size=9)
            for prob in z["problems"]:
                self.run(self.cell_para(cells[3]), f"! {prob}", size=9, bold=True, color=RED)
            for w in z["inferred_from"]:
                self.run(self.cell_para(cells[3]), f"~ {w}", size=9, color=MUTED)
        self.cut(v.notes.get("zones", ""))
        if v.runtime:
            self.small(v.runtime_title, bold=True)
            for r in v.runtime:
                self.para(r, "List Bullet", size=10)

    def _chip(self, p: Any, color: str) -> None:
        """The zone kind's colour, as the HTML's chip."""
        self.run(p, "■ ", color=color.lstrip("#").upper())

    # ------------------------------------------------------------------ diagram

    def _diagram(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        v, t = self.v, self.t
        self.heading(f"2. {t('section.diagram')}", 1, "section-diagram", page_break=True)
        self.para(t("diagram.intro"))
        p = self.small()
        for k in v.legend:
            self._chip(p, k["color"])
            self.run(p, f"{k['label']}    ")
        self.run(p, "━━ ", color=RED, bold=True)
        self.run(p, t("diagram.leak"))
        if v.observed_legend:
            self.run(p, "    ┅┅ ", color="757575")
            self.run(p, v.observed_legend)
        if self.png:
            wpx, hpx = _png_size(self.png)
            width = TEXT_WIDTH
            if width * hpx / wpx > DIAGRAM_MAX_HEIGHT:
                width = DIAGRAM_MAX_HEIGHT * wpx / hpx
            pic = self.doc.add_paragraph()
            pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pic.add_run().add_picture(io.BytesIO(self.png), width=Cm(width))
        else:
            self.para(t("diagram.unavailable", reason=self.png_reason), color=MUTED, italic=True)
        if v.drawio_name:
            self.small(t("diagram.drawio", file=v.drawio_name))

    # ------------------------------------------------------------------ matrix

    def _matrix_summary(self) -> None:
        """The zone matrix table at the front, after the conclusion and the root causes
        (issue #14); its cells link to the flow details of section 3."""
        v, t = self.v, self.t
        self.heading(t("matrix.summary.title"), 2, "matrix-summary")
        if v.matrix.get("grouped"):
            self._matrix_grouped(v.matrix["grouped"])
        else:
            self.para(t("matrix.intro"))
            self._matrix_table()
        self.cut(v.notes.get("matrix", ""))
        p = self.small()
        self.link(p, t("matrix.summary.details", sec=v.sec["matrix"]), "section-matrix")

    def _matrix_table(self) -> None:
        v, t = self.v, self.t
        cols = v.matrix["cols"]
        n = len(cols)
        first = min(3.0, TEXT_WIDTH / (n + 1))
        widths = [first] + [(TEXT_WIDTH - first) / max(n, 1)] * n
        size = 9 if n <= 5 else 8 if n <= 7 else 7
        tab = self.table([""] * (n + 1), widths)
        hdr = tab.rows[0].cells
        hdr[0].paragraphs[0].runs[0].text = _c(t("matrix.corner"))
        for cell, col in zip(hdr[1:], cols, strict=True):
            p = cell.paragraphs[0]
            p.runs[0].text = ""
            self._chip(p, col["color"])
            self.run(p, col["label"], bold=True, size=size)
            if col["id"]:
                self.run(self.cell_para(cell), col["id"], size=size - 1, color=MUTED)
        for r in v.matrix["rows"]:
            cells = self.row(tab, widths)
            _cshade(cells[0], GREY_BG)
            self._chip(cells[0].paragraphs[0], r["color"])
            self.run(cells[0].paragraphs[0], r["label"], bold=True, size=size)
            if r["id"]:
                self.run(self.cell_para(cells[0]), r["id"], size=size - 1, color=MUTED)
            for cell, c in zip(cells[1:], r["cells"], strict=True):
                p = cell.paragraphs[0]
                if c is None:
                    _cshade(cell, "FAFAFA")
                    self.run(p, t("matrix.self"), color=MUTED, size=size)
                    continue
                _cshade(cell, CELL_COLORS.get(c["cls"], "FFFFFF"))
                color = RED if c["cls"] == "violation" else AMBER if c["cls"] == "unknown" else None
                self.link(p, c["label"], c["anchor"], bold=True, size=size, color=color)
                if c["violation"]:
                    self.run(self.cell_para(cell), t("matrix.violation"), bold=True, color=RED, size=size)
                if c["services"]:
                    self.run(self.cell_para(cell), c["services"], size=size)
                if not v.matrix["compact"]:
                    expected = t("matrix.expected", expected=c["expected"])
                    self.run(self.cell_para(cell), expected, size=size - 1, color=MUTED)
                if c["reason"]:
                    self.run(self.cell_para(cell), t("matrix.reason", reason=c["reason"]), size=size - 1)
                if c["live"]:
                    live_color = RED if c["live"]["status"] == "contradiction" else None
                    self.run(
                        self.cell_para(cell),
                        t("live.report.mark", status=c["live"]["label"]),
                        bold=True,
                        size=size - 1,
                        color=live_color,
                    )

    def _matrix_grouped(self, g: dict) -> None:
        """A many-zone summary's matrix: by zone kind, then each source zone's open flows
        (matrix_view._group)."""
        t = self.t
        self.heading(t("matrix.grouped.title"), 3)
        self.para(t("matrix.grouped.intro"))
        n = len(g["cols"])
        first = min(3.5, TEXT_WIDTH / (n + 1))
        widths = [first] + [(TEXT_WIDTH - first) / max(n, 1)] * n
        tab = self.table([t("matrix.corner")] + [""] * n, widths)
        for cell, col in zip(tab.rows[0].cells[1:], g["cols"], strict=True):
            p = cell.paragraphs[0]
            p.runs[0].text = ""
            self._chip(p, col["color"])
            self.run(p, col["label"], bold=True, size=8)
            if col["zones"]:
                self.run(self.cell_para(cell), col["zones"], size=7, color=MUTED)
        for r in g["rows"]:
            cells = self.row(tab, widths)
            _cshade(cells[0], GREY_BG)
            self._chip(cells[0].paragraphs[0], r["color"])
            self.run(cells[0].paragraphs[0], r["label"], bold=True, size=8)
            self.run(self.cell_para(cells[0]), r["zones"], size=7, color=MUTED)
            for cell, c in zip(cells[1:], r["cells"], strict=True):
                if c is None:
                    _cshade(cell, "FAFAFA")
                    self.run(cell.paragraphs[0], t("matrix.self"), color=MUTED, size=8)
                    continue
                _cshade(cell, CELL_COLORS.get(c["cls"], "FFFFFF"))
                self.run(cell.paragraphs[0], c["pairs"], size=7, color=MUTED)
                for i, count in enumerate(c["counts"]):
                    worst = i == 0 and c["cls"] in ("violation", "unknown")
                    color = (RED if c["cls"] == "violation" else AMBER) if worst else None
                    self.run(self.cell_para(cell), count, size=8, bold=worst, color=color)
        self.heading(t("matrix.sources.title"), 3)
        self.para(t("matrix.sources.intro"))
        classes = ("violation", "unknown", "reachable")
        widths = [3.4, 4.2, 3.2, 3.6, 1.6]
        heads = [t("matrix.sources.col.zone"), *(t(f"matrix.sources.col.{c}") for c in classes)]
        tab = self.table([*heads, t("matrix.sources.col.blocked")], widths)
        for r in g["sources"]:
            cells = self.row(tab, widths)
            self._chip(cells[0].paragraphs[0], r["color"])
            self.run(cells[0].paragraphs[0], r["label"], bold=True, size=8)
            if r["id"]:
                self.run(self.cell_para(cells[0]), r["id"], size=7, color=MUTED)
            for cell, cls in zip(cells[1:4], classes, strict=True):
                items = r[cls]["items"]
                if items:
                    _cshade(cell, CELL_COLORS.get(cls, "FFFFFF"))
                p = cell.paragraphs[0]
                for i, d in enumerate(items):
                    self.link(p, d["label"] + (", " if i < len(items) - 1 else ""), d["anchor"], size=8)
                if r[cls]["more"]:
                    self.run(p, " " + r[cls]["more"], size=8)
            self.run(cells[4].paragraphs[0], str(r["blocked"]), size=8)
        self.cut(g["sources_more"])
        if g["quiet"]:
            self.para(g["quiet"], size=9)

    def _matrix(self) -> None:
        """Section 3: the flow details; the table itself is at the front (_matrix_summary)."""
        v, t = self.v, self.t
        self.heading(f"3. {t('section.matrix')}", 1, "section-matrix", page_break=True)
        p = self.small()
        self.link(p, t("matrix.summary.back", title=t("matrix.summary.title")), "matrix-summary")
        self.heading(t("matrix.details"), 2)
        for f in v.flows:
            if f["verdict"] == "blocked" or f["cut"]:
                continue
            h = self.heading(f"{f['src_label']} → {f['dst_label']}: {f['label']}", 3, f["anchor"])
            if f["violation"]:
                self.run(h, " — ")
                self.run(h, t("matrix.violation"), color=RED)
            line = t("matrix.expected", expected=f["expected"])
            if f["services"]:
                line += f"; {t('matrix.col.services')}: {f['services']}"
            if f["maybe_services"]:
                line += " " + t("matrix.maybe_also", services=f["maybe_services"])
            if f["icmp_replies_only"]:
                line += " " + t("matrix.icmp_replies_only")
            self.small(line)
            if f["reason"]:
                self.small(t("matrix.reason", reason=f["reason"]))
            if f["witness"]:
                self._witness(f["witness"])
        self.cut(v.flows_note, "flows-cut")
        blocked = [f for f in v.flows if f["verdict"] == "blocked" and not f["cut"]]
        if blocked:
            self.heading(t("matrix.blocked_flows"), 2)
            widths = [3.6, 3.0, 9.4]
            tab = self.table([t("matrix.col.flow"), t("matrix.col.expected"), t("matrix.blocked_by")], widths)
            for f in blocked:
                cells = self.row(tab, widths)
                p = cells[0].paragraphs[0]
                self.run(p, f"{f['src_label']} → {f['dst_label']}", size=9)
                self.bookmark(p, f["anchor"])
                self.run(cells[1].paragraphs[0], f["expected"], size=9)
                for i, b in enumerate(f["blocked_by"]):
                    p = self.cell_para(cells[2], first=i == 0)
                    self.run(p, f"{b['device']} ", size=9)
                    self.loc_code(p, b["loc"], b["text"], b["default"])
                if f["blocked_more"]:
                    self.run(self.cell_para(cells[2]), f["blocked_more_text"], size=9, color=MUTED)
                for i, d in enumerate(f["dropped"]):
                    self.run(self.cell_para(cells[2], first=i == 0 and not f["blocked_by"]), d, size=9)
                if not f["blocked_by"] and not f["dropped"]:
                    self.run(cells[2].paragraphs[0], "-", color=MUTED)
            self.cut(v.notes.get("blocked", ""), "blocked-cut")
        if v.reference:
            self._reference(v.reference)

    def _witness(self, w: dict, container: Any = None) -> None:
        from docx.shared import Cm

        self.small(self.t("witness.packet", packet=w["packet"]), container)
        for n, h in enumerate(w["hops"], 1):
            p = self.para(container=container)
            p.paragraph_format.left_indent = Cm(0.9)
            p.paragraph_format.first_line_indent = Cm(-0.6)
            p.paragraph_format.space_after = 0
            self.run(p, f"{n}.\t{h['head']}")
            if h["note"]:
                self.run(p, f" ({h['note']})", color=MUTED)
            if h["to"]:
                self.run(p, f" — {h['to']}", color=MUTED)
            for r in h["rules"]:
                q = self.para(container=container)
                q.paragraph_format.left_indent = Cm(1.4)
                q.paragraph_format.first_line_indent = Cm(-0.4)
                q.paragraph_format.space_after = 0
                self.run(q, "▪ ", color=MUTED, size=8)
                self.loc_code(q, r["loc"], r["text"], r["default"])
                if r["translated"]:
                    self.run(q, f" ({r['translated']})", size=9, color=MUTED)
        self.para(container=container).paragraph_format.space_after = 0

    def _reference(self, r: dict) -> None:
        t = self.t
        self.heading(r["title"], 2, "reference")
        self.para(r["intro"] + (f" {r['level_note']}" if r["level_note"] else ""))
        p = self.para(t("reference.command") + " ")
        self.run(p, r["command"], mono=True)
        p = self.para()
        self.run(p, t("reference.missing") + " ", bold=True)
        self.run(p, "; ".join(r["missing"]) if r["missing"] else t("reference.none"))
        self.para(t("reference.extra", n=r["n_extra"]), bold=True)
        if r["extra"]:
            widths = [5.0, 5.5, 5.5]
            tab = self.table([t("matrix.col.flow"), t("reference.col.here"), t("reference.col.model")], widths)
            for e in r["extra"]:
                for cell, value in zip(self.row(tab, widths), (e["flow"], e["here"], e["model"]), strict=True):
                    self.run(cell.paragraphs[0], value, size=9)
            self.cut(self.v.notes.get("reference", ""))
        self.small(t("reference.matrix"))
        n = len(r["cols"])
        widths = [3.0] + [(TEXT_WIDTH - 3.0) / max(n, 1)] * n
        tab = self.table([t("matrix.corner"), *r["cols"]], widths)
        for row in r["rows"]:
            cells = self.row(tab, widths)
            _cshade(cells[0], GREY_BG)
            self.run(cells[0].paragraphs[0], row["name"], bold=True, size=9)
            for cell, c in zip(cells[1:], row["cells"], strict=True):
                self.run(cell.paragraphs[0], t("matrix.self") if c is None else c, size=8)

    # ------------------------------------------------------------------ live verification

    def _live(self) -> None:
        v, t = self.v, self.t
        live = v.live or {}
        self.heading(f"{v.sec['live']}. {t('live.report.section')}", 1, "section-live", page_break=True)
        self.para(live["intro"])
        self.small(live["proof"], bold=True)
        self.heading(t("live.report.runs"), 2)
        widths = [5.0, 11.0]
        for r in live["runs"]:
            tab = self.table([v.prose(r["title"]), ""], widths)
            tab.rows[0].cells[0].merge(tab.rows[0].cells[1])
            fields = [(f["label"], f["value"]) for f in r["fields"]]
            fields += [
                (t("live.report.field.file"), f"{r['file']}\nSHA-256: {r['sha256']}"),
                (t("live.report.field.counts"), r["counts"]),
                (t("live.report.field.refused"), "\n".join(r["refused"]) or t("live.report.refused.none")),
            ]
            for label, value in fields:
                cells = self.row(tab, widths)
                self.run(cells[0].paragraphs[0], label, bold=True, size=9)
                self.run(cells[1].paragraphs[0], value, size=9)
            self.para()
        self.heading(t("live.report.statuses"), 2)
        for s in live["statuses"]:
            p = self.bullet()
            self.run(p, f"{s['n']} ", bold=True)
            self.run(p, s["label"])
        self.heading(t("live.report.cells"), 2)
        if live["cells"]:
            widths = [2.8, 2.2, 2.6, 3.2, 5.2]
            keys = ("matrix.col.flow", "live.report.col.static", "live.report.col.status", "live.report.col.counts",
                    "live.report.col.examples")  # fmt: skip
            tab = self.table([t(k) for k in keys], widths)
            for c in live["cells"]:
                cells = self.row(tab, widths)
                self.link(cells[0].paragraphs[0], f"{v.zone(c['src'])} → {v.zone(c['dst'])}", c["anchor"], size=9)
                self.run(cells[1].paragraphs[0], c["verdict_label"], size=9)
                _cshade(cells[2], CELL_COLORS.get(c["cls"], "FFFFFF"))
                self.run(cells[2].paragraphs[0], c["label"], bold=True, size=9)
                self.run(cells[3].paragraphs[0], c["counts"], size=9)
                for i, p_ in enumerate(c["examples"]):
                    text = t(
                        "live.report.example",
                        address=p_["dst"],
                        service=p_["service"],
                        result=p_["result_label"],
                        detail=p_["detail"],
                        hop=p_["hop"],
                    )
                    self.run(self.cell_para(cells[4], first=i == 0), f"• {text}", size=8)
            self.cut(v.notes.get("live", ""))
        else:
            self.para(t("live.none_observed"))
        self.small(live["not_observed"])
        self.small(live["unplaced"])
        for g in live["unplaced_groups"]:
            self.para(v.prose(g), "List Bullet", size=10)

    # ------------------------------------------------------------------ findings

    def _findings(self) -> None:
        from docx.shared import Cm

        v, t = self.v, self.t
        sec = v.sec["findings"]
        self.heading(f"{sec}. {t('section.findings')}", 1, "section-findings", page_break=True)
        self.para(t("findings.intro"))
        if not v.findings:
            self.para(t("findings.none"), bold=True)
        for f in v.findings:
            h = self.heading(f"{sec}.{f['no']}. ", 2, f"finding-{f['no']}")
            self.run(h, f" {f['severity_label']} ", color="FFFFFF", fill=SEVERITY_COLORS.get(f["severity"], "607D8B"))
            self.run(h, f" {f['title']}")

            def label(key: str) -> None:
                p = self.para(t(key), bold=True)
                p.paragraph_format.space_before = Cm(0.15)
                p.paragraph_format.space_after = 0
                p.paragraph_format.keep_with_next = True

            if not f["lead"]:
                self._consequence(f)
                continue
            label("finding.id")
            self.para(f["id"], mono=True)
            label("finding.what")
            self.para(f["detail"])
            if f["why"]:
                label("finding.why")
                if f["why_ref"]:
                    self.link(self.para(), t("finding.same_as", sec=sec, no=f["why_ref"]), f"finding-{f['why_ref']}")
                else:
                    self.para(f["why"])
            label("finding.evidence")
            if f["evidence"]:
                for e in f["evidence"]:
                    self.loc_code(self.bullet(), e["loc"], e["text"], e["default"])
                self.cut(f["evidence_more"])
            else:
                self.para(t("finding.no_evidence"), color=MUTED)
            if f["witness"]:
                label("witness.title")
                self._witness(f["witness"])
            label("finding.remediation")
            if f["remediation_ref"]:
                self.link(
                    self.para(),
                    t("finding.same_as", sec=sec, no=f["remediation_ref"]),
                    f"finding-{f['remediation_ref']}",
                )
            else:
                for kind, text in f["remediation"]:
                    if kind == "code":
                        self.code(text)
                    elif kind == "caption":
                        self.small(text, bold=True)
                    else:
                        self.para(text)
            if f["snippet"]:
                self.small(f["snippet"]["caption"], bold=True)
                self.code(f["snippet"]["code"])
            if f["plan"]:
                label("remedy.title")
                self.link(self.para(), f["plan"]["text"], f["plan"]["anchor"])
            if f["references"]:
                label("finding.references")
                if f["references_ref"]:
                    no = f["references_ref"]
                    self.link(self.para(), t("finding.same_as", sec=sec, no=no), f"finding-{no}")
                for r in [] if f["references_ref"] else f["references"]:
                    self.para(r, "List Bullet")
            if f["zones"]:
                label("finding.zones")
                self.para(", ".join(f["zones"]))
            if f["devices"]:
                label("finding.devices")
                self.para(", ".join(f["devices"]))
            if f["consequences"] or f["consequences_more"]:
                label("finding.also")
                for c in f["consequences"]:
                    text = t("rootcause.consequence", sec=sec, no=c["no"], title=c["title"])
                    self.link(self.bullet(), text, f"finding-{c['no']}")
                self.cut(f["consequences_more"])
        if v.findings_other:
            self._others(v.findings_other)

    def _others(self, o: dict) -> None:
        """The summary's closing entry of section 4: the findings not printed, counted by kind."""
        v, t = self.v, self.t
        sec = v.sec["findings"]
        self.heading(f"{sec}.{o['no']}. {o['title']}", 2, o["anchor"])
        self.para(o["intro"])
        widths = [2.2, 5.0, 2.2, 4.0, 2.6]
        keys = ("finding.severity", "detail.others.col.finding", "detail.others.col.count", "detail.others.col.where",
                "detail.others.col.shown")  # fmt: skip
        tab = self.table([t(k) for k in keys], widths)
        for r in o["rows"]:
            cells = self.row(tab, widths)
            fill = SEVERITY_COLORS.get(r["severity"], "607D8B")
            self.run(cells[0].paragraphs[0], f" {r['severity_label']} ", bold=True, size=8, color="FFFFFF", fill=fill)
            self.run(cells[1].paragraphs[0], r["title"], size=9)
            self.run(self.cell_para(cells[1]), r["check"], mono=True, size=8)
            if r["fix"]:
                self.run(self.cell_para(cells[1]), r["fix"], size=8, color=MUTED)
            self.run(cells[2].paragraphs[0], r["count"], size=9)
            self.run(cells[3].paragraphs[0], r["where"], size=9)
            for i, e in enumerate(r["examples"]):
                self.link(self.cell_para(cells[4], first=i == 0), e["ref"], f"finding-{e['no']}", size=9)
            if not r["examples"]:
                self.run(cells[4].paragraphs[0], t("detail.others.none_shown"), size=9, color=MUTED)
        self.cut(v.notes.get("others", ""))

    def _consequence(self, f: dict) -> None:
        """A finding of a root cause printed in full above it: what, where, and the entry
        that holds the evidence, why it matters and the remediation."""
        t, sec = self.t, self.v.sec["findings"]

        def line(key: str) -> Any:
            p = self.para()
            p.paragraph_format.space_after = 0
            self.run(p, f"{t(key)}: ", bold=True)
            return p

        self.run(line("finding.id"), f["id"], mono=True)
        self.run(line("finding.what"), f["detail"])
        if f["zones"]:
            self.run(line("finding.zones"), ", ".join(f["zones"]))
        self.link(
            line("finding.root_cause"), t("finding.same_cause", sec=sec, no=f["lead_no"]), f"finding-{f['lead_no']}"
        )
        if f["own_fix"]:
            self.run(line("finding.remediation"), f["own_fix"])
        if f["plan"] and f["plan_shown"]:
            self.link(line("remedy.title"), f["plan"]["text"], f["plan"]["anchor"])

    # ------------------------------------------------------------------ compliance

    def _compliance(self) -> None:
        v, t = self.v, self.t
        self.heading(f"{v.sec['compliance']}. {t('section.compliance')}", 1, "section-compliance", page_break=True)
        comp = v.compliance
        if not comp:
            self.para(t("compliance.none"), color=MUTED)
            return
        self.para(comp["intro"])
        widths = [1.2, 4.3, 3.1, 2.3, 5.1]
        keys = ("no", "requirement", "reference", "status", "evidence")
        tab = self.table([t(f"compliance.col.{k}") for k in keys], widths)
        for r in comp["rows"]:
            cells = self.row(tab, widths)
            self.run(cells[0].paragraphs[0], str(r["no"]), size=9)
            self.run(cells[1].paragraphs[0], r["requirement"], size=9)
            self.run(cells[2].paragraphs[0], r["reference"], size=8)
            bg, fg = STATUS_STYLE.get(r["status"], (None, MUTED))
            if bg:
                _cshade(cells[3], bg)
            self.run(cells[3].paragraphs[0], r["status_label"], size=9, bold=bg is not None, color=fg)
            self.run(cells[4].paragraphs[0], r["evidence"], size=8)
        for o in comp["others"]:
            self.small(o, color=MUTED)

    # ------------------------------------------------------------------ inventory

    def _inventory(self) -> None:
        v, t = self.v, self.t
        sec = v.sec["inventory"]
        self.heading(f"{sec}. {t('section.inventory')}", 1, "section-inventory", page_break=True)
        self.small(t("inventory.intro"))
        self.heading(f"{sec}.1. {t('inventory.devices')}", 2)
        widths = [1.0, 2.8, 3.6, 2.6, 3.4, 2.6]
        keys = ("no", "name", "type", "location", "purpose", "file")
        tab = self.table([t(f"inventory.col.{k}") for k in keys], widths)
        for d in v.inventory["devices"]:
            cells = self.row(tab, widths)
            self.run(cells[0].paragraphs[0], str(d["no"]), size=9)
            self.run(cells[1].paragraphs[0], d["name"], bold=True, size=9)
            for cell, key in zip(cells[2:5], ("type", "location", "purpose"), strict=True):
                self.run(cell.paragraphs[0], d[key], size=9)
            self.run(cells[5].paragraphs[0], d["file"], mono=True, size=8)
        self.cut(v.notes.get("devices", ""))
        self.heading(f"{sec}.2. {t('inventory.ipplan')}", 2)
        widths = [3.2, 2.0, 3.4, 2.8, 4.6]
        tab = self.table([t(f"inventory.col.{k}") for k in ("zone", "vlan", "private", "public", "gateway")], widths)
        for r in v.inventory["ipplan"]:
            cells = self.row(tab, widths)
            self._chip(cells[0].paragraphs[0], r["color"])
            self.run(cells[0].paragraphs[0], r["zone"], bold=True, size=9)
            self.run(self.cell_para(cells[0]), r["kind_label"], size=8, color=MUTED)
            for cell, key in zip(cells[1:], ("vlans", "private", "public", "gateway"), strict=True):
                self.run(cell.paragraphs[0], r[key], size=9 if key != "gateway" else 8)
        for r in v.inventory["links"]:
            cells = self.row(tab, widths)
            self.run(cells[0].paragraphs[0], t("inventory.links"), size=9)
            self.run(self.cell_para(cells[0]), r["label"], size=8, color=MUTED)
            for cell, value in zip(cells[1:], ("-", r["private"], r["public"], r["gateway"]), strict=True):
                self.run(cell.paragraphs[0], value, size=9)
        self.cut(v.notes.get("links", ""))
        self.cut(v.notes.get("ipplan", ""))

    # ------------------------------------------------------------------ signatures

    def _signatures(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        v, t = self.v, self.t
        self.heading(f"{v.sec['signatures']}. {t('section.signatures')}", 1, "section-signatures")
        self.small(t("sign.intro")).paragraph_format.keep_with_next = True
        p = self.para(t("sign.place_date", date=v.cover["date"]), italic=True)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.keep_with_next = True
        width = TEXT_WIDTH / 3
        tab = self.doc.add_table(rows=1, cols=3)  # no borders (the template's Normal Table)
        tab.autofit = False
        for col in tab._tbl.tblGrid.findall(_qn("w:gridCol")):
            col.w = Cm(width)
        blocks = (
            ("sign.unit", ""),
            ("sign.preparer", v.cover["prepared_by"]),
            ("sign.inspector", v.cover["inspected_by"]),
        )
        for cell, (key, name) in zip(tab.rows[0].cells, blocks, strict=True):
            cell.width = Cm(width)
            q = self.cell_para(cell, first=True)
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.run(q, t(key), bold=True)
            q = self.cell_para(cell)
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.run(q, t("sign.hint"), italic=True, size=10, color=MUTED)
            q = self.cell_para(cell)
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            q.paragraph_format.space_before = Pt(72)  # room to sign
            self.run(q, name or " ", bold=True)
        _cant_split(tab.rows[0])

    # ------------------------------------------------------------------ remediation plan

    def _remedy(self, plan: dict) -> None:
        """The remediation plan at the end of the findings (view._remedy): one change set
        per device, each a Heading 3 the findings link to."""
        t = self.t
        self.heading(t("remedy.title"), 2, "remedy")
        self.para(plan["intro"])
        for d in plan["devices"]:
            self.heading(d["device"], 3, d["anchor"])
            if d["note"]:
                self.small(d["note"])
            for line in d["lines"]:
                self.para(line, "List Bullet")
            self.cut(d["more"])
        self.cut(plan["devices_more"], "remedy-more")
        self.cut(self.v.notes.get("plan_cells", ""))
        if plan["unfixable"]:
            self.para(t("remedy.unfixable"), bold=True)
            for u in plan["unfixable"]:
                self.para(u, "List Bullet")
            self.cut(plan["unfixable_more"])

    # ------------------------------------------------------------------ annex A: the site file

    def _annex(self) -> None:
        """Annex A (view._site_annex): the site file's name and SHA-256, the zones it
        declares and its overrides of the reference policy."""
        t, a = self.t, self.v.site_annex
        self.heading(a["title"], 1, "annex-site", page_break=True)
        self.para(a["intro"])
        if a["sha256"]:
            p = self.small()
            self.run(p, f"{t('scope.col.sha256')}: ", color=MUTED)
            self.run(p, a["sha256"], mono=True, size=8)
        self.heading(t("annex.site.zones"), 2)
        widths = [2.4, 2.8, 2.6, 3.4, 3.2, 1.6]
        keys = ("scope.col.zone", "scope.col.kind", "scope.col.subnets", "scope.col.where", "annex.col.sources",
                "annex.col.line")  # fmt: skip
        tab = self.table([t(k) for k in keys], widths)
        for z in a["zones"]:
            cells = self.row(tab, widths)
            self._chip(cells[0].paragraphs[0], z["color"])
            self.run(cells[0].paragraphs[0], z["name"], bold=True, size=9)
            for cell, key in zip(cells[1:], ("kind_label", "subnets", "where", "sources", "line"), strict=True):
                self.run(cell.paragraphs[0], str(z[key]), size=9)
        self.cut(self.v.notes.get("annex", ""))
        if a["inferred"]:
            return
        self.heading(t("annex.site.policy"), 2)
        if not a["policy"]:
            self.para(t("annex.site.no_policy"))
            return
        widths = [4.0, 4.0, 6.4, 1.6]
        tab = self.table([t(f"annex.col.{k}") for k in ("from", "to", "rule", "line")], widths)
        for r in a["policy"]:
            for cell, key in zip(self.row(tab, widths), ("from", "to", "rule", "line"), strict=True):
                self.run(cell.paragraphs[0], str(r[key]), size=9)
        self.cut(self.v.notes.get("policy", ""))

    def _colophon(self) -> None:
        """The tool and the report date, last, as the HTML's footer."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        v, t = self.v, self.t
        footer = self.small(f"{v.cover['tool']} · {t('cover.generated')}: {v.cover['generated']}", color=MUTED)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.paragraph_format.space_before = Pt(24)


def _generated(iso: object) -> datetime:
    try:
        d = date.fromisoformat(str(iso))
    except ValueError:
        d = date(2000, 1, 1)
    return datetime(d.year, d.month, d.day, tzinfo=UTC)
