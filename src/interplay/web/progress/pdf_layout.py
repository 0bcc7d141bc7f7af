"""The page furniture of every Interplay PDF: fpdf2's core Helvetica (no font file to ship),
black on white with grey rules, so a report prints and photocopies in black and white; a title,
headings, paragraphs, simple tables, line charts and "Page n of m" in the footer.

The core fonts hold Latin-1 only. Our en-GB text uses a few typographic characters outside it
(curly quotes, dashes, arrows, the ellipsis): `latin1` puts each in its plain Latin-1 form,
and anything else outside Latin-1 (a name in another script, say) becomes "?" rather than
failing the whole report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from interplay.core.charts import LineChart, line_chart

PLAIN = str.maketrans(
    {
        "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "→": "->",
        "…": "...", "•": "-", "≥": ">=", "≤": "<=", "\u00a0": " ", "\u2009": " ",
    }
)  # fmt: skip
CHART_WIDTH, CHART_HEIGHT = 150.0, 42.0  # millimetres
CHART_MARGINS = (10.0, 4.0, 3.0, 7.0)
LINE = 5.5


def latin1(text: object) -> str:
    plain = str(text).translate(PLAIN)
    return plain.encode("latin-1", errors="replace").decode("latin-1")


class Report(FPDF):
    def __init__(self, title: str, footer_note: str, page_words: str) -> None:
        """`page_words` holds %(page)s and %(total)s ("Page %(page)s of %(total)s")."""
        super().__init__(format="A4")
        self.report_title = latin1(title)
        self.footer_note = latin1(footer_note)
        self.page_words = latin1(page_words)
        self.set_title(self.report_title)
        self.set_creator("Interplay")
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 16, 18)
        self.add_page()
        self.set_font("helvetica", "B", 17)
        self.multi_cell(0, 8, self.report_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("helvetica", "", 8)
        self.set_text_color(60, 60, 60)
        self.cell(0, 5, self.footer_note, align="L")
        self.set_x(self.l_margin)
        words = self.page_words % {"page": self.page_no(), "total": "{nb}"}
        self.cell(0, 5, words, align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(3)
        self.set_font("helvetica", "B", 13)
        self.multi_cell(0, 7, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(120, 120, 120)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def ensure_space(self, height: float) -> None:
        """Start a new page unless `height` millimetres fit above the footer."""
        if self.get_y() + height > self.h - 18:
            self.add_page()

    def subheading(self, text: str) -> None:
        self.set_font("helvetica", "B", 10.5)
        self.multi_cell(0, LINE, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def para(self, text: str, *, size: float = 10.5, italic: bool = False) -> None:
        self.set_font("helvetica", "I" if italic else "", size)
        self.multi_cell(0, LINE, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.8)

    def bullets(self, lines: Sequence[str]) -> None:
        self.set_font("helvetica", "", 10.5)
        for line in lines:
            self.set_x(self.l_margin + 3)
            self.multi_cell(0, LINE, latin1(f"- {line}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.8)

    def rows_table(self, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        self.set_font("helvetica", "", 9.5)
        with self.table(
            headings_style=FontFace(emphasis="BOLD"), line_height=LINE, first_row_as_headings=True
        ) as table:
            for row in [header, *rows]:
                cells = table.row()
                for value in row:
                    cells.cell(latin1(value))
        self.ln(1.5)

    def chart(self, chart: LineChart, caption: str, low_label: str, high_label: str) -> None:
        """Draw `chart` (positioned in millimetres by core.charts) at the current position:
        grey gridlines, a solid black line and dots, the first and last dates below."""
        if self.get_y() + chart.height + 8 > self.h - 18:
            self.add_page()
        x0, y0 = self.l_margin, self.get_y()
        self.set_font("helvetica", "", 7.5)
        self.set_draw_color(170, 170, 170)
        self.set_line_width(0.2)
        for grid in chart.gridlines:
            self.line(x0 + chart.left, y0 + grid.y, x0 + chart.right, y0 + grid.y)
            self.set_xy(x0, y0 + grid.y - 2)
            self.cell(chart.left - 2, 4, latin1(f"{grid.value:g}"), align="R")
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.5)
        for a, b in zip(chart.points, chart.points[1:], strict=False):
            self.line(x0 + a.x, y0 + a.y, x0 + b.x, y0 + b.y)
        for point in chart.points:
            self.circle(x0 + point.x, y0 + point.y, 1.0, style="F")  # x, y: the centre
        self.set_line_width(0.2)
        self.set_xy(x0 + chart.left, y0 + chart.baseline + 1)
        self.cell(40, 4, latin1(low_label))
        self.set_xy(x0 + chart.right - 40, y0 + chart.baseline + 1)
        self.cell(40, 4, latin1(high_label), align="R")
        self.set_xy(x0, y0 + chart.height + 1)
        self.set_font("helvetica", "I", 8.5)
        self.multi_cell(0, 4.5, latin1(caption), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def finish(self) -> bytes:
        return bytes(self.output())


def chart_mm(
    series: Sequence[tuple[datetime, float]], low: float, high: float, ticks: Sequence[float]
) -> LineChart:
    """A chart sized for the page, in millimetres."""
    return line_chart(
        series, low, high, ticks, width=CHART_WIDTH, height=CHART_HEIGHT, margins=CHART_MARGINS
    )
