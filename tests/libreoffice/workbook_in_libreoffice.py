#!/usr/bin/env python3
"""The owner's workbook as a LibreOffice user sees it on paper (LibreOffice does not fit rows
and columns to their text on load, as Excel does, so what Kindly writes is what is shown).

Writes the workbook from the samples, or from generated invoices (many pages, long and
accented names, three currencies), has LibreOffice Calc print every sheet to PDF (headless,
with a profile of its own) and reads the pages back with `pdftotext -bbox`. LibreOffice shows
the workbook's Calibri as Carlito, of the same metrics, as its own builds and Debian's
`libreoffice` do; `samples-without-carlito` hides Carlito, so that DejaVu Sans, wider, stands
in, and checks all but the print scale (DejaVu's third more width prints a wide sheet smaller).
On every page:

  - every cell of every row is printed whole, as its format shows it (no "###"), within its
    own column, and at least half a line's height from the text of the next cell: "3831"
    beside "-60" never reads "3831-60";
  - no row overlaps the next: a header wrapped over two lines ends above the first data row,
    a title in a larger font above the header; no text is printed over other text;
  - every sheet prints one page wide (each row whole on one page) with its header rows at the
    top of every page;
  - the body text prints at a readable size: 11 pt at no less than MIN_SCALE.

Fails (never skips) when LibreOffice, poppler-utils or Carlito is missing: scripts/test.sh
installs them. On failure the folder with the workbook and the PDF is kept and named.

Usage: workbook_in_libreoffice.py KINDLY samples|generated|samples-without-carlito
"""

import datetime
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
AS_OF = "2026-11-20"
CARLITO = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf"
WITHOUT_CARLITO = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*Carlito*</glob></rejectfont></selectfont>
</fontconfig>
"""

# 11 pt body text printed at 64% is 7 pt, about the smallest print a person reads in a table
# without strain.
MIN_SCALE = 0.64
BODY_POINTS = 11.0
# Text of two neighbouring cells must be this far apart, in lines' heights: half a line is
# about a digit's width, twice the space between two words of one cell. Wrapped text may fill
# its column's line to the edge, in Excel as in LibreOffice: after it, the cells' margins do.
MIN_GAP_IN_LINES = 0.45
MIN_GAP_AFTER_WRAPPED = 0.1
TOLERANCE = 1.0  # points: placement slack in LibreOffice's layout and in pdftotext's boxes
# pdftotext's box of a word spans its font's whole ascent and descent, more than the line
# pitch of wrapped text: what a reader sees overlap is the middle of the box.
INK = 0.15

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


# The workbook as written --------------------------------------------------------------------


class Cell:
    def __init__(self, text, top_aligned, wraps):
        self.text = text
        self.words = text.split()
        self.top_aligned = top_aligned
        self.wraps = wraps


class Sheet:
    def __init__(self, name):
        self.name = name
        self.rows = {}  # row index -> {column index -> Cell}, only rows with text
        self.heights = {}  # row index -> points, where set
        self.widths = {}  # column index -> width as stored (characters, padding included)
        self.title_rows = []  # rows printed at the top of every page
        self.has_drawing = False

    def width(self, column):
        return self.widths.get(column, 9.140625)  # Excel's default 8.43 + padding

    def left(self, column):
        """Distance from column A's left edge to `column`'s, in stored width units."""
        return sum(self.width(c) for c in range(column))

    def header_rows(self):
        return [r for r, cells in self.rows.items() if all(c.top_aligned for c in cells.values())]


def column_index(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def unescape_ooxml(text):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def shown_number(value, code):
    """A number as LibreOffice shows it in the number formats Kindly writes."""
    code = re.sub(r"_.", "", code)  # "_0": a blank a digit wide
    if code in ("General", ""):
        return ("%.10g" % value).replace("e+", "E+")
    if code == "yyyy-mm-dd":
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(value))).isoformat()
    if code == "0%":
        return "%.0f%%" % (value * 100)
    match = re.fullmatch(r"(#,##)?0(?:\.(0+))?", code)
    if not match:
        raise SystemExit("the test does not know the number format %r" % code)
    decimals = len(match.group(2) or "")
    return format(value, ("," if match.group(1) else "") + ".%df" % decimals)


def read_workbook(path):
    with zipfile.ZipFile(path) as z:
        part = lambda name: ET.fromstring(z.read(name))
        styles = part("xl/styles.xml")
        formats = {int(f.get("numFmtId")): f.get("formatCode")
                   for f in styles.iter(M + "numFmt")}
        formats.setdefault(0, "General")
        xfs = []
        for xf in styles.find(M + "cellXfs"):
            alignment = xf.find(M + "alignment")
            top = alignment is not None and alignment.get("vertical") == "top"
            wraps = alignment is not None and alignment.get("wrapText") == "1"
            xfs.append((formats.get(int(xf.get("numFmtId", "0")), "?"), top, wraps))

        book = part("xl/workbook.xml")
        rels = {r.get("Id"): r.get("Target") for r in part("xl/_rels/workbook.xml.rels")}
        sheets = []
        for node in book.iter(M + "sheet"):
            sheet = Sheet(node.get("name"))
            target = "xl/" + rels[node.get(R + "id")].lstrip("/").removeprefix("xl/")
            root = part(target)
            sheet.has_drawing = root.find(M + "drawing") is not None
            for col in root.iter(M + "col"):
                for c in range(int(col.get("min")) - 1, int(col.get("max"))):
                    sheet.widths[c] = float(col.get("width"))
            for row in root.iter(M + "row"):
                r = int(row.get("r")) - 1
                if row.get("ht"):
                    sheet.heights[r] = float(row.get("ht"))
                cells = {}
                for c in row.iter(M + "c"):
                    number_format, top, wraps = xfs[int(c.get("s", "0"))]
                    kind = c.get("t", "n")
                    if kind == "inlineStr":
                        text = unescape_ooxml("".join(t.text or "" for t in c.iter(M + "t")))
                    elif kind == "n" and c.find(M + "v") is not None:
                        text = shown_number(float(c.find(M + "v").text), number_format)
                    else:
                        raise SystemExit("the test does not read cells of type %r" % kind)
                    if text.strip():
                        cells[column_index(c.get("r"))] = Cell(text, top, wraps)
                if cells:
                    sheet.rows[r] = cells
            sheets.append(sheet)
        for name in book.iter(M + "definedName"):
            if name.get("name") == "_xlnm.Print_Titles":
                first, last = re.search(r"\$(\d+):\$(\d+)", name.text).groups()
                sheets[int(name.get("localSheetId"))].title_rows = list(
                    range(int(first) - 1, int(last)))
    return sheets


# The printed pages --------------------------------------------------------------------------


class Word:
    def __init__(self, x0, y0, x1, y1, text):
        self.x0, self.y0, self.x1, self.y1, self.text = x0, y0, x1, y1, text

    def __repr__(self):
        return "%r at (%.1f, %.1f)" % (self.text, self.x0, self.y0)


class Page:
    def __init__(self, number, width, words):
        self.number = number
        self.width = width
        self.words = words
        self.sheet = None
        self.lines = []


def read_pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for number, page in enumerate(re.finditer(
            r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S), 1):
        words = [Word(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in re.findall(
                     r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                     r"(.*?)</word>", page.group(3))]
        pages.append(Page(number, float(page.group(1)), words))
    return pages


def group_lines(words):
    """Words sharing a baseline (their boxes' bottoms), top to bottom, each left to right."""
    lines = []
    for word in sorted(words, key=lambda w: (w.y1, w.x0)):
        if lines and abs(lines[-1][0].y1 - word.y1) <= TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def split_page_furniture(page):
    """Takes off the page header (company and date left, the sheet's name right) and the
    "Page N of M" footer; names the page's sheet."""
    lines = group_lines(page.words)
    if not lines:
        return
    top = lines[0]
    page.sheet = " ".join(w.text for w in top if w.x0 > page.width / 2)
    body = lines[1:]
    if body and re.fullmatch(r"Page \d+ of \d+", " ".join(w.text for w in body[-1])):
        body = body[:-1]
    page.lines = body


# The checks ---------------------------------------------------------------------------------


def ink(word):
    """The vertical extent of a word's letters, short of its font's full ascent and descent."""
    cut = INK * (word.y1 - word.y0)
    return word.y0 + cut, word.y1 - cut


def check_nothing_overprinted(page):
    words = sorted(page.words, key=lambda w: ink(w)[0])
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if ink(b)[0] >= ink(a)[1]:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE / 2:
                fail("%s, page %d: %r and %r are printed over each other"
                     % (page.sheet, page.number, a, b))


class Columns:
    """Where each column starts on the sheet's pages: a column's left edge lies k points per
    stored width unit right of column A's (LibreOffice sizes columns in proportion), fitted to
    where the headers start."""

    def __init__(self, sheet, pages):
        header_row = max(sheet.header_rows(), key=lambda r: len(sheet.rows[r]))
        headers = sorted(sheet.rows[header_row].items())
        for page in pages:
            for line in page.lines:
                starts, at = [], 0
                for _, cell in headers:
                    while at < len(line) and line[at].text != cell.words[0]:
                        at += 1
                    if at == len(line):
                        break
                    starts.append(line[at].x0)
                    at += 1
                if len(starts) == len(headers):
                    self._fit(sheet, headers, starts)
                    return
        raise LookupError("%s: its header row %s is not printed" % (
            sheet.name, " | ".join(c.text for _, c in headers)))

    def _fit(self, sheet, headers, starts):
        xs = [sheet.left(c) for c, _ in headers]
        mx, my = statistics.fmean(xs), statistics.fmean(starts)
        self.k = sum((x - mx) * (y - my) for x, y in zip(xs, starts)) / sum(
            (x - mx) ** 2 for x in xs)
        self.origin = my - self.k * mx
        self.sheet = sheet
        for (column, cell), start in zip(headers, starts):
            if abs(self.left(column) - start) > 2 * TOLERANCE:
                fail("%s: the header %r does not start at its column's edge (%.1f, not %.1f)"
                     % (sheet.name, cell.text, start, self.left(column)))

    def left(self, column):
        return self.origin + self.k * self.sheet.left(column) - TOLERANCE


class PrintedRow:
    def __init__(self, index, page):
        self.index = index
        self.page = page
        self.lines = []

    def words(self):
        return [w for line in self.lines for w in line]


def cell_spans(sheet, columns, row):
    """Each non-empty cell's span on the page: from its column's left edge to the next
    non-empty cell's (text runs on over empty cells, as it does on screen)."""
    cells = sorted(sheet.rows[row].items())
    spans = []
    for i, (column, cell) in enumerate(cells):
        right = columns.left(cells[i + 1][0]) if i + 1 < len(cells) else float("inf")
        spans.append((column, cell, columns.left(column), right))
    return spans


def joined(words):
    """Words as one text, a word broken after its hyphen put together again."""
    return " ".join(words).replace("- ", "-")


def starts_row(sheet, columns, row, line):
    column, cell, left, right = cell_spans(sheet, columns, row)[0]
    return line[0].text == cell.words[0] and left <= line[0].x0 < right


def continues_header(sheet, columns, printed, line):
    """Whether `line` is a further line of the top-aligned header row `printed`."""
    spans = cell_spans(sheet, columns, printed.index)
    taken = {}
    for word in printed.words() + line:
        owner = [s for s in spans if s[2] <= word.x0 < s[3]]
        if not owner:
            return False
        taken.setdefault(owner[0][0], []).append(word.text)
    return all(joined(cell.words).startswith(joined(taken.get(column, [])))
               for column, cell, _, _ in spans)


def match_rows(sheet, pages, columns):
    """Which printed lines belong to which row, page by page; rows with wrapped text take
    several lines (those of a bottom-aligned cell above the row's first cell, those of a
    top-aligned header below it)."""
    remaining = sorted(sheet.rows)
    # Charts stand right of the cells: their titles and labels are no row's.
    last_column = max(c for cells in sheet.rows.values() for c in cells)
    charts_from = columns.left(last_column + 1) if sheet.has_drawing else float("inf")
    printed_rows = []
    for number, page in enumerate(pages):
        queue = ([r for r in sheet.title_rows if r in sheet.rows] if number else []) + remaining
        pending, current, on_page = [], None, []
        for line in page.lines:
            line = [w for w in line if w.x0 < charts_from]
            if not line:
                continue
            if queue and starts_row(sheet, columns, queue[0], line):
                current = PrintedRow(queue.pop(0), page)
                current.lines = pending + [line]
                pending = []
                on_page.append(current)
                if current.index in remaining:
                    remaining.remove(current.index)
            elif (current is not None and current.index in sheet.header_rows()
                  and continues_header(sheet, columns, current, line)):
                current.lines.append(line)
            else:
                pending.append(line)
        for line in pending:
            fail("%s, page %d: %r belongs to no row of the sheet (next expected: row %s)"
                 % (sheet.name, page.number, " ".join(w.text for w in line),
                    queue[0] + 1 if queue else "none"))
        titles = [r.index for r in on_page if r.index in sheet.title_rows]
        if on_page and sheet.title_rows and titles != [
                r for r in sheet.title_rows if r in sheet.rows]:
            fail("%s, page %d: the header rows are not at the top of the page"
                 % (sheet.name, page.number))
        printed_rows.append(on_page)
    for row in remaining:
        fail("%s: row %d (%s) is not printed whole on any page" % (
            sheet.name, row + 1, " | ".join(c.text for c in sheet.rows[row].values())))
    return printed_rows


def check_row(sheet, columns, printed):
    spans = cell_spans(sheet, columns, printed.index)
    where = "%s, page %d, row %d" % (sheet.name, printed.page.number, printed.index + 1)
    shown = {column: [] for column, _, _, _ in spans}
    for line in printed.lines:
        owners = []
        for word in line:
            owner = [s for s in spans if s[2] <= word.x0 < s[3]]
            if not owner:
                fail("%s: %r is left of every cell" % (where, word))
                return
            column, cell, left, right = owner[0]
            shown[column].append(word.text)
            if word.x1 > right + TOLERANCE:
                fail("%s: %r runs past its column into the next cell" % (where, word))
            owners.append(column)
        height = statistics.median(w.y1 - w.y0 for w in line)
        cells = sheet.rows[printed.index]
        for a, b, ca, cb in zip(line, line[1:], owners, owners[1:]):
            wanted = (MIN_GAP_AFTER_WRAPPED if cells[ca].wraps else MIN_GAP_IN_LINES) * height
            if ca != cb and b.x0 - a.x1 < wanted:
                fail("%s: %r and %r run together (%.1f pt apart, at least %.1f wanted)"
                     % (where, a.text, b.text, b.x0 - a.x1, wanted))
    for column, cell, _, _ in spans:
        if joined(shown[column]) != joined(cell.words):
            fail("%s, column %s: printed %r, the cell holds %r"
                 % (where, column + 1, " ".join(shown[column]), cell.text))


def check_rows_apart(sheet, on_page):
    for above, below in zip(on_page, on_page[1:]):
        bottom = max(ink(w)[1] for w in above.words())
        top = min(ink(w)[0] for w in below.words())
        if bottom > top:
            fail("%s, page %d: row %d (%s) overlaps row %d (%s) by %.1f pt"
                 % (sheet.name, above.page.number, above.index + 1,
                    " ".join(w.text for w in above.words())[:40], below.index + 1,
                    " ".join(w.text for w in below.words())[:40], bottom - top))


def print_scale(sheet, printed_rows):
    """The scale LibreOffice prints at, from the distance between consecutive one-line rows
    of known height (bottom-aligned text: baseline to baseline is the lower row's height)."""
    ratios = []
    for on_page in printed_rows:
        for above, below in zip(on_page, on_page[1:]):
            if below.index != above.index + 1 or below.index in sheet.header_rows():
                continue
            if len(above.lines) != 1 or len(below.lines) != 1:
                continue
            height = sheet.heights.get(below.index, 15.0)
            ratios.append((below.lines[0][0].y1 - above.lines[0][0].y1) / height)
    return statistics.median(ratios) if ratios else None


def check_sheet(sheet, pages, check_scale):
    for page in pages:
        check_nothing_overprinted(page)
    try:
        columns = Columns(sheet, pages)
    except LookupError as missing:
        fail(str(missing))
        return
    printed_rows = match_rows(sheet, pages, columns)
    for on_page in printed_rows:
        for printed in on_page:
            check_row(sheet, columns, printed)
        check_rows_apart(sheet, on_page)
    scale = print_scale(sheet, printed_rows)
    if scale is None:
        if len(sheet.rows) > 3:
            fail("%s: no two rows to measure the print scale by" % sheet.name)
        return
    points = BODY_POINTS * scale
    print("%s: %d page(s), printed at %.0f%%: 11 pt text at %.1f pt"
          % (sheet.name, len(pages), scale * 100, points))
    if check_scale and scale < MIN_SCALE - 0.005:
        fail("%s prints at %.0f%%: its 11 pt text is %.1f pt on paper, too small to read"
             " (at least %.0f%% wanted)" % (sheet.name, scale * 100, points, MIN_SCALE * 100))


# The run ------------------------------------------------------------------------------------


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit("%s exited %d:\n%s%s" % (" ".join(args), result.returncode,
                                                  result.stdout, result.stderr))
    return result


def make_workbook(kindly, scenario, folder):
    db = os.path.join(folder, "kindly.db")
    config = os.path.join(ROOT, "samples", "kindly.ini")
    if scenario in ("samples", "samples-without-carlito"):
        files = [os.path.join(ROOT, "samples", name) for name in ("invoices.csv", "payments.csv")]
    elif scenario == "generated":
        data = os.path.join(folder, "generated")
        run([sys.executable, os.path.join(ROOT, "bench", "gen_invoices.py"), "--out", data,
             "--invoices", "4000", "--clients", "150", "--as-of", AS_OF])
        files = [os.path.join(data, name) for name in ("invoices.csv", "payments.csv")]
    else:
        raise SystemExit("unknown scenario %r: samples or generated" % scenario)
    run([kindly, "--db", db, "--config", config, "import", *files, "--as-of", AS_OF])
    workbook = os.path.join(folder, "aging.xlsx")
    run([kindly, "--db", db, "--config", config, "report", workbook, "--as-of", AS_OF])
    return workbook


def print_to_pdf(workbook, folder, font):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    profile = "file://" + os.path.join(folder, "profile")
    env = dict(os.environ)
    if font != "Carlito":
        env["FONTCONFIG_FILE"] = os.path.join(folder, "fonts.conf")
        with open(env["FONTCONFIG_FILE"], "w") as out:
            out.write(WITHOUT_CARLITO)
    started = time.monotonic()
    run([office, "--headless", "--norestore", "--nolockcheck",
         "-env:UserInstallation=" + profile, "--convert-to", "pdf", "--outdir", folder,
         workbook], timeout=600, env=env)
    pdf = os.path.splitext(workbook)[0] + ".pdf"
    if not os.path.exists(pdf):
        raise SystemExit("LibreOffice wrote no PDF of " + workbook)
    print("LibreOffice printed the workbook in %.1f s" % (time.monotonic() - started))
    fonts = run(["pdffonts", pdf]).stdout
    if font not in fonts:
        fail("the PDF's text is not in %s:\n%s" % (font, fonts))
    return pdf


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    kindly, scenario = os.path.abspath(sys.argv[1]), sys.argv[2]
    missing = [tool for tool, found in (
        ("libreoffice-calc", shutil.which("soffice") or shutil.which("libreoffice")),
        ("poppler-utils", shutil.which("pdftotext") and shutil.which("pdffonts")),
        ("fonts-crosextra-carlito", os.path.exists(CARLITO))) if not found]
    if missing:
        print("FAIL: %s not installed; scripts/test.sh installs them (scripts/install-packages.sh"
              " libreoffice-calc poppler-utils fonts-crosextra-carlito)" % ", ".join(missing))
        return 1
    carlito = scenario != "samples-without-carlito"
    folder = tempfile.mkdtemp(prefix="kindly-libreoffice-")
    try:
        workbook = make_workbook(kindly, scenario, folder)
        sheets = read_workbook(workbook)
        pages = read_pages(print_to_pdf(workbook, folder, "Carlito" if carlito else "DejaVuSans"))
        for page in pages:
            split_page_furniture(page)
        for sheet in sheets:
            on_sheet = [p for p in pages if p.sheet == sheet.name]
            if not on_sheet:
                fail("%s: not printed" % sheet.name)
                continue
            check_sheet(sheet, on_sheet, check_scale=carlito)
    except BaseException:
        print("kept " + folder)
        raise
    if failures:
        print("%d failure(s); the workbook and its PDF are in %s" % (len(failures), folder))
        return 1
    shutil.rmtree(folder)
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
