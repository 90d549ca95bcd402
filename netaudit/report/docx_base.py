"""A Word document written with python-docx for netaudit's reports: its styles (Times New
Roman, the administrative documents' font; code in Courier New), paragraphs, runs, tables,
internal links and bookmarks, and the OOXML details python-docx leaves out (shading, borders,
repeated header rows, fields, element order Word enforces).  The file is deterministic: the
ZIP entries carry a fixed time.  What the report says, section by section, is
docx_report.py's.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from ..safetext import clean

FONT = "Times New Roman"
MONO = "Courier New"
INK, MUTED, RED, AMBER, GREEN = "1F2933", "5F6B76", "C62828", "8A6D00", "2E7D32"
GREY_BG, RED_BG, AMBER_BG, GREEN_BG, SOFT = "EEF1F4", "FDECEA", "FFF6D6", "E8F5E9", "F4F6F8"
LANGS = {"vi": "vi-VN", "en": "en-GB"}
TEXT_WIDTH = 16.0  # cm: A4 with margins 3 cm left, 2 cm right (Vietnamese administrative layout)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Successors of w:shd in w:pPr, w:rPr and w:tcPr (OOXML element order, which Word enforces).
_PPR_AFTER_SHD = (
    "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_RPR_AFTER_SHD = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath")  # fmt: skip
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                   "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")  # fmt: skip


class DocxDocument:
    """A document with netaudit's styles in ``lang`` ("vi-VN", "en-GB") and the
    primitives the report is written with."""

    def __init__(self, lang: str):
        from docx import Document

        self.doc: Any = Document()
        self.bookmarks: dict[str, str] = {}  # view anchor → bookmark name
        self.bookmark_id = 0
        self.style_ids: dict[str, str] = {}
        self._styles(lang)

    def _styles(self, lang: str) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm, Pt, RGBColor

        styles = self.doc.styles
        # Document defaults: the theme fonts of the template replaced by Times New Roman.
        rpr_default = self.doc.styles.element.find(
            _qn("w:docDefaults") + "/" + _qn("w:rPrDefault") + "/" + _qn("w:rPr")
        )
        if rpr_default is not None:
            _fonts(rpr_default, FONT)
            _lang(rpr_default, lang)
        normal = styles["Normal"]
        normal.font.size = Pt(12)
        normal.font.color.rgb = RGBColor.from_string(INK)
        _fonts(normal.element.get_or_add_rPr(), FONT)
        _lang(normal.element.get_or_add_rPr(), lang)
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.1
        for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 12)):
            st = styles[name]
            st.font.size = Pt(size)
            st.font.bold = True
            st.font.italic = False
            st.font.color.rgb = RGBColor.from_string(INK)
            _fonts(st.element.get_or_add_rPr(), FONT)
            st.paragraph_format.space_before = Pt(12 if name != "Heading 3" else 8)
            st.paragraph_format.space_after = Pt(6 if name != "Heading 3" else 3)
            st.paragraph_format.keep_with_next = True
        self._drop_title_border(styles["Title"])
        code = styles.add_style("Netaudit Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = normal
        code.font.size = Pt(8.5)
        _fonts(code.element.get_or_add_rPr(), MONO)
        code.paragraph_format.space_before = Pt(2)
        code.paragraph_format.space_after = Pt(4)
        code.paragraph_format.line_spacing = 1.0
        code.paragraph_format.left_indent = Cm(0.3)
        _pshade(code.element.get_or_add_pPr(), SOFT)
        inline = styles.add_style("Netaudit Config", WD_STYLE_TYPE.CHARACTER)
        inline.font.size = Pt(9)
        _fonts(inline.element.get_or_add_rPr(), MONO)
        cell = styles.add_style("Netaudit Table", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(10)
        cell.paragraph_format.space_before = Pt(1)
        cell.paragraph_format.space_after = Pt(1)
        cell.paragraph_format.line_spacing = 1.0
        small = styles.add_style("Netaudit Small", WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(10)
        for name in ("List Bullet", "List Bullet 2"):
            st = styles[name]
            st.paragraph_format.space_after = Pt(2)

    @staticmethod
    def _drop_title_border(style) -> None:
        """The template's Title has a blue bottom border and a colour of its own."""
        ppr = style.element.pPr
        if ppr is not None:
            for el in ppr.findall(_qn("w:pBdr")):
                ppr.remove(el)

    # ------------------------------------------------------------------ primitives

    def style_id(self, name: str) -> str:
        """The id of a style by name, looked up once (python-docx searches the styles
        part on every ``style=`` argument, which made a large report take seconds)."""
        sid = self.style_ids.get(name)
        if sid is None:
            sid = self.style_ids[name] = self.doc.styles[name].style_id
        return sid

    def style(self, p: Any, name: str) -> None:
        p._p.style = self.style_id(name)

    def para(self, text: str = "", style: str | None = None, container: Any = None, **fmt) -> Any:
        p = (container or self.doc).add_paragraph()
        if style:
            self.style(p, style)
        if text:
            self.run(p, text, **fmt)
        return p

    def run(
        self,
        p: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        mono: bool = False,
        size: float | None = None,
        color: str | None = None,
        fill: str | None = None,
    ) -> Any:
        from docx.shared import Pt, RGBColor

        r = p.add_run(_c(text))
        if mono:
            r._r.style = self.style_id("Netaudit Config")
        if bold:
            r.bold = True
        if italic:
            r.italic = True
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if fill:
            shd = _shd(fill)
            r._r.get_or_add_rPr().insert_element_before(shd, *_RPR_AFTER_SHD)
        return r

    def heading(self, text: str, level: int, anchor: str | None = None, page_break: bool = False) -> Any:
        h = self.para(style="Title" if level == 0 else f"Heading {level}")
        if page_break:
            h.paragraph_format.page_break_before = True
        self.run(h, text)
        if anchor:
            self.bookmark(h, anchor)
        return h

    def bullet(self, container: Any = None, level: int = 1) -> Any:
        return self.para(style="List Bullet" if level == 1 else "List Bullet 2", container=container)

    def cut(self, text: str, anchor: str | None = None) -> None:
        """A cut of the summary (report/detail.py): how many items are not printed and where
        they are in full; nothing when nothing was cut."""
        if text:
            p = self.small(text, color=MUTED, italic=True)
            if anchor:
                self.bookmark(p, anchor)

    def small(self, text: str = "", container: Any = None, **fmt) -> Any:
        return self.para(text, "Netaudit Small", container, **fmt)

    def code(self, text: str, container: Any = None) -> Any:
        return self.para(text, "Netaudit Code", container)

    def loc_code(self, p: Any, loc: str, text: str, default: bool = False) -> None:
        """``file:line`` then the configuration text, as in the HTML's evidence lines; a
        vendor default (words.cite_view ``default``) is a sentence in italics, not code."""
        self.run(p, loc, mono=True, size=8, color=MUTED)
        self.run(p, " ")
        if default:
            self.run(p, text, italic=True)
        else:
            self.run(p, text, mono=True)

    def bookmark(self, p: Any, anchor: str) -> None:
        from docx.oxml import OxmlElement

        name = self.bookmarks.setdefault(anchor, f"_na{len(self.bookmarks) + 1}")
        self.bookmark_id += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(_qn("w:id"), str(self.bookmark_id))
        start.set(_qn("w:name"), name)
        end.set(_qn("w:id"), str(self.bookmark_id))
        p._p.insert(1 if p._p.pPr is not None else 0, start)
        p._p.append(end)

    def link(self, p: Any, text: str, anchor: str, **fmt) -> None:
        """Text that jumps to a bookmark (a matrix cell → its flow, "as in 4.1" → 4.1)."""
        from docx.oxml import OxmlElement

        name = self.bookmarks.setdefault(anchor, f"_na{len(self.bookmarks) + 1}")
        r = self.run(p, text, **fmt)
        h = OxmlElement("w:hyperlink")
        h.set(_qn("w:anchor"), name)
        h.set(_qn("w:history"), "1")
        r._r.addprevious(h)
        h.append(r._r)

    def table(self, headers: list[str], widths: list[float], container: Any = None, header_row: bool = True) -> Any:
        from docx.shared import Cm

        holder = container or self.doc
        t = holder.add_table(rows=1 if header_row else 0, cols=len(widths))
        t._tbl.tblStyle_val = self.style_id("Table Grid")
        t.autofit = False
        for col, w in zip(t._tbl.tblGrid.findall(_qn("w:gridCol")), widths, strict=True):
            col.w = Cm(w)
        if header_row:
            row = t.rows[0]
            _repeat_header(row)
            for cell, text, w in zip(row.cells, headers, widths, strict=True):
                cell.width = Cm(w)
                _cshade(cell, GREY_BG)
                p = cell.paragraphs[0]
                self.style(p, "Netaudit Table")
                self.run(p, text, bold=True)
        return t

    def row(self, t: Any, widths: list[float]) -> list:
        from docx.shared import Cm

        row = t.add_row()
        _cant_split(row)  # as the HTML's print CSS: a row is not broken across pages
        cells = row.cells
        for cell, w in zip(cells, widths, strict=True):
            cell.width = Cm(w)
            self.style(cell.paragraphs[0], "Netaudit Table")
        return cells

    def cell_para(self, cell: Any, first: bool = False) -> Any:
        return cell.paragraphs[0] if first else self.para(style="Netaudit Table", container=cell)

    # ------------------------------------------------------------------ cover


# --------------------------------------------------------------------------- OOXML helpers


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _c(value: object) -> str:
    """Text for a run: control and bidi characters as visible escapes (newline and tab kept:
    python-docx writes them as line breaks and tabs)."""
    return clean("" if value is None else str(value))


def _fonts(rpr: Any, name: str) -> None:
    """``name`` for every script (Latin, Vietnamese, East Asian, complex), theme fonts dropped."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(_qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(_qn(attr), name)


def _lang(rpr: Any, lang: str) -> None:
    """The proofing language (Word's spelling checker reads Vietnamese as Vietnamese)."""
    from docx.oxml import OxmlElement

    el = rpr.find(_qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.insert_element_before(el, *_RPR_AFTER_LANG)
    el.set(_qn("w:val"), lang)


def _shd(fill: str) -> Any:
    from docx.oxml import OxmlElement

    shd = OxmlElement("w:shd")
    shd.set(_qn("w:val"), "clear")
    shd.set(_qn("w:color"), "auto")
    shd.set(_qn("w:fill"), fill.lstrip("#").upper())
    return shd


def _pshade(ppr: Any, fill: str) -> None:
    ppr.insert_element_before(_shd(fill), *_PPR_AFTER_SHD)


def _pborder(ppr: Any, side: str) -> None:
    """A thin single line on one side of a paragraph (the rule under the issuing unit)."""
    from docx.oxml import OxmlElement

    bdr = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        line.set(_qn(key), value)
    bdr.append(line)
    ppr.insert_element_before(bdr, "w:shd", *_PPR_AFTER_SHD)


def _cshade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(_qn("w:shd")):
        tcpr.remove(old)
    tcpr.insert_element_before(_shd(fill), *_TCPR_AFTER_SHD)


def _repeat_header(row: Any) -> None:
    """The row repeats at the top of every page the table runs over."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(_qn("w:val"), "true")
    trpr.append(el)
    _cant_split(row)


def _cant_split(row: Any) -> None:
    from docx.oxml import OxmlElement

    el = OxmlElement("w:cantSplit")
    el.set(_qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _field(p: Any, instr: str, shown: str) -> list:
    """A field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    from docx.oxml import OxmlElement

    runs = []
    for part in ("begin", "instr", "separate", "result", "end"):
        r = p.add_run(shown if part == "result" else None)
        if part == "instr":
            it = OxmlElement("w:instrText")
            it.set(_qn("xml:space"), "preserve")
            it.text = f" {instr} "
            r._r.append(it)
        elif part != "result":
            fc = OxmlElement("w:fldChar")
            fc.set(_qn("w:fldCharType"), part)
            r._r.append(fc)
        runs.append(r)
    return runs


def _deterministic_zip(data: bytes) -> bytes:
    """The package again with every entry stamped :data:`ZIP_TIME` (python-docx stamps
    the time of writing): the same document gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
