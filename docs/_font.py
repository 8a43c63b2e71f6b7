"""Build the monospace font of the docs' code blocks, Vietnamese included.

Code blocks show Vietnamese names (``Thu nhận hồ sơ định danh điện tử``).
matplotlib ships DejaVu Sans Mono, which lacks the 46 Vietnamese letters that
carry two marks (``ồ``, ``ử``, ``ẫ``...): a browser falling back on it draws
the marks apart from their letter. DejaVu Sans, shipped beside it, has them
all in the same design; this module copies those glyphs into the monospace
font, each centred on the monospace advance, and writes the result as a web
font for the site (``conf.py`` calls :func:`write` at every build). Both fonts
are free (the DejaVu licence, a Bitstream Vera derivative).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

#: The Vietnamese letters of Unicode's Latin Extended Additional block.
VIETNAMESE = range(0x1EA0, 0x1EFA)
#: Monospace face -> the proportional face its missing letters come from.
FACES = {"DejaVuSansMono.ttf": "DejaVuSans.ttf",
         "DejaVuSansMono-Bold.ttf": "DejaVuSans-Bold.ttf"}


def _complete(mono_path: Path, sans_path: Path) -> TTFont:
    """`mono_path` with the Vietnamese letters it lacks, drawn from `sans_path`."""
    mono, sans = TTFont(mono_path), TTFont(sans_path)
    mono_cmap, sans_cmap = mono.getBestCmap(), sans.getBestCmap()
    advance = mono["hmtx"]["o"][0]
    glyph_set = sans.getGlyphSet()
    for code in VIETNAMESE:
        if code in mono_cmap or code not in sans_cmap:
            continue
        source = sans_cmap[code]
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[source].draw(recording)
        width = sans["hmtx"][source][0]
        pen = TTGlyphPen(None)
        recording.replay(TransformPen(pen, (1, 0, 0, 1, (advance - width) / 2, 0)))
        name = f"uni{code:04X}"
        glyph = pen.glyph()
        mono["glyf"][name] = glyph
        glyph.recalcBounds(mono["glyf"])
        mono["hmtx"][name] = (advance, glyph.xMin if glyph.numberOfContours else 0)
        for table in mono["cmap"].tables:
            if table.isUnicode():
                table.cmap[code] = name
    return mono


def write(directory: Path) -> list[Path]:
    """Write the completed faces into `directory` (skipped when already there)."""
    directory.mkdir(parents=True, exist_ok=True)
    fonts = Path(mpl.get_data_path()) / "fonts" / "ttf"
    written = []
    for mono, sans in FACES.items():
        path = directory / mono
        if not path.exists():
            _complete(fonts / mono, fonts / sans).save(path)
        written.append(path)
    return written
