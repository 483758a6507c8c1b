"""The HTML report in a real browser: headless Chromium loads the page from disk (no
network), and the test reads what it rendered: the DOM after layout, a screenshot
whose pixels must show the status colours, and a printed PDF with a page per case.

Chromium comes from Debian (``apt-get install -y chromium``; .ci/run installs it).
Without a chromium binary the test is skipped on a developer's machine and fails in
CI (``CI=true``), so a missing browser cannot pass unnoticed.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from asas.engine.run.batch import check_paths
from asas.engine.report.formats import renderer
from test_formats import EXAMPLE, INVALID, REFERRED

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
COLOURS = {"upheld": (0x1E, 0x7B, 0x3C), "at_risk": (0xC9, 0x85, 0x00),
           "violated": (0xBD, 0x2F, 0x25)}


def _chromium() -> str:
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("no chromium binary in CI: apt-get install -y chromium")
    pytest.skip("no chromium binary (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    return _chromium()


def run_chromium(browser: str, tmp: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-extensions", "--hide-scrollbars",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """A class report in Indonesian: two valid cases and an invalid one."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        results = check_paths([REFERRED, INVALID, EXAMPLE])
    finally:
        os.chdir(old)
    folder = tmp_path_factory.mktemp("html")
    path = folder / "laporan.html"
    path.write_text(renderer("html")(results, "id"), encoding="utf-8")
    return path


def test_dom_after_render_has_the_matrix_and_statuses(browser, page, tmp_path):
    done = run_chromium(browser, tmp_path, "--dump-dom", page.as_uri())
    dom = done.stdout
    assert done.returncode == 0 and "<body" in dom, done.stderr[-2000:]
    matrix = re.search(r'<table class="matrix" id="matrix">.*?</table>', dom, re.S)
    assert matrix, "the class matrix is not in the rendered page"
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', matrix[0], re.S)
    assert len(rows) == 3
    referred = next(r for r in rows if "FX-REFERRED" in r)
    assert re.findall(r'class="st (\w+)"', referred)[1] == "violated"     # kesukarelaan
    assert "tidak valid" in next(r for r in rows if "invalid-willingness" in r)
    for word in ("ditegakkan", "berisiko", "dilanggar", "Asas terlemah di kelas ini"):
        assert word in dom
    assert 'id="c1-KSR003-s1"' in dom


def _png_pixels(data: bytes):
    """Width, height and rows of (r, g, b) of an 8-bit RGB/RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
        prev = line
    return width, height, rows, bpp


@pytest.mark.slow
def test_screenshot_shows_the_status_colours(browser, page, tmp_path):
    shot = tmp_path / "shot.png"
    done = run_chromium(browser, tmp_path, "--window-size=1000,1100",
                        f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    width, height, rows, bpp = _png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 1100)
    seen = set()
    for line in rows:
        for x in range(0, width * bpp, bpp):
            seen.add(bytes(line[x:x + 3]))
    for status, rgb in COLOURS.items():
        assert bytes(rgb) in seen, f"no {status} colour on screen"
    assert len(seen) > 50                       # text, not a blank page


def test_prints_a_page_per_case(browser, page, tmp_path):
    pdf = tmp_path / "report.pdf"
    done = run_chromium(browser, tmp_path, "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 4             # the class overview, then each of the three cases
