"""A picture of the PDF page around a finding, every figure boxed, as a data: PNG for the HTML
report: a reviewer sees the figures where they stand on the page without opening the PDF."""

from __future__ import annotations

import base64
import io

from lint.model import BBox

SCALE = 2.0  # pixels per PDF point
MARGIN = 36.0  # points around the boxes


def page_crop(path: str, page: int, boxes: list[BBox], max_pages: int = 5000) -> str | None:
    """A data: URL of the region of `page` (1-based) holding `boxes`, each outlined; None when the
    page cannot be rendered (any failure: the picture is a convenience, never an error)."""
    if not boxes or page < 1 or page > max_pages:
        return None
    try:
        import pypdfium2 as pdfium
        from PIL import ImageDraw

        pdf = pdfium.PdfDocument(path)
        try:
            if page > len(pdf):
                return None
            pg = pdf[page - 1]
            width, height = pg.get_size()
            x0 = max(0.0, min(b[0] for b in boxes) - MARGIN)
            top = max(0.0, min(b[1] for b in boxes) - MARGIN)
            x1 = min(width, max(b[2] for b in boxes) + MARGIN)
            bottom = min(height, max(b[3] for b in boxes) + MARGIN)
            image = pg.render(scale=SCALE).to_pil().convert("RGB")
        finally:
            pdf.close()
        draw = ImageDraw.Draw(image)
        for b in boxes:
            draw.rectangle(
                [b[0] * SCALE - 2, b[1] * SCALE - 2, b[2] * SCALE + 2, b[3] * SCALE + 2],
                outline=(198, 40, 40),
                width=3,
            )
        image = image.crop((int(x0 * SCALE), int(top * SCALE), int(x1 * SCALE), int(bottom * SCALE)))
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=True)
    except Exception:
        return None
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
