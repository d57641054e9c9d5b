"""CharBoxes (issue 10): a PDF's per-character boxes in flat arrays, read exactly like the list of
(page, bbox) | None it replaces."""

from __future__ import annotations

import pickle
import random

import pytest

from lint.model import BBox, Boxes, CharBox, CharBoxes, Document

ITEMS: list[CharBox | None] = [
    (1, (10.5, 20.25, 16.0, 31.0)),
    None,
    (1, (16.0, 20.25, 21.5, 31.0)),
    (2, (72.0, 100.0, 80.125, 110.0)),
    None,
]


def test_reads_like_the_list_it_replaces() -> None:
    boxes = CharBoxes(ITEMS)
    assert len(boxes) == len(ITEMS)
    assert list(boxes) == ITEMS
    assert [boxes[i] for i in range(len(ITEMS))] == ITEMS
    assert boxes[-1] is None and boxes[-2] == ITEMS[-2]
    assert boxes[1:4] == ITEMS[1:4] and boxes[3:] == ITEMS[3:] and boxes[::2] == ITEMS[::2]
    assert boxes == ITEMS and boxes == CharBoxes(ITEMS) and boxes != CharBoxes(ITEMS[:-1])
    with pytest.raises(IndexError):
        boxes[len(ITEMS)]


def test_built_by_runs_as_the_reader_builds_it() -> None:
    boxes = CharBoxes()
    boxes.add(1, [ITEMS[0][1], None, ITEMS[2][1]])  # type: ignore[index]
    boxes.add(2, [ITEMS[3][1]])  # type: ignore[index]
    boxes.add_none(1)
    assert boxes == CharBoxes(ITEMS)


def test_a_documents_locations_are_unchanged() -> None:
    text = "ab\ncd\n"
    items: list[CharBox | None] = [
        (3, (1.0, 2.0, 3.0, 4.0)),
        (3, (3.0, 2.0, 5.5, 4.0)),
        None,
        None,
        None,
        None,
    ]
    flat = Document("x.pdf", text, "pdf", char_boxes=CharBoxes(items))
    plain = Document("x.pdf", text, "pdf", char_boxes=items)
    assert flat.location(0, 2) == plain.location(0, 2)
    assert flat.location(0, 2).bbox == (1.0, 2.0, 5.5, 4.0) and flat.location(0, 2).page == 3
    assert flat.page_of_line(1) == 3 and flat.page_of_line(2) is None


def test_survives_pickling_for_worker_processes() -> None:
    boxes = CharBoxes(ITEMS)
    assert pickle.loads(pickle.dumps(boxes)) == ITEMS


def test_flat_storage_is_far_smaller_than_tuples() -> None:
    n = 10_000
    boxes = CharBoxes()
    boxes.add(1, [(float(i), 2.0, float(i) + 1, 4.0) for i in range(n)])
    assert boxes._pages.itemsize * len(boxes._pages) + boxes._boxes.itemsize * len(boxes._boxes) <= 40 * n


LINE: list[BBox | None] = [(10.5, 20.25, 16.0, 31.0), None, (16.0, 20.25, 21.5, -0.0), None]


def test_line_boxes_read_like_the_list_they_replace() -> None:
    boxes = Boxes(LINE)
    assert len(boxes) == len(LINE) and list(boxes) == LINE and boxes == LINE
    assert boxes[0] == LINE[0] and boxes[-1] is None and boxes[-2] == LINE[-2]
    for cut in (slice(1, 3), slice(2, None), slice(None, -1), slice(3, 1), slice(None, None, 2)):
        assert boxes[cut] == LINE[cut] and isinstance(boxes[cut], Boxes)
    assert Boxes.joined([Boxes(LINE[:2]), Boxes(), Boxes(LINE[2:])]) == boxes
    with pytest.raises(IndexError):
        boxes[len(LINE)]


def test_line_boxes_enter_char_boxes_unchanged() -> None:
    """A page's packed line boxes give the document the same pages and doubles as a list would."""
    packed, plain = CharBoxes(), CharBoxes()
    packed.add(4, Boxes(LINE))
    plain.add(4, LINE)
    assert packed._pages == plain._pages and packed._boxes == plain._boxes
    assert list(packed) == [None if b is None else (4, b) for b in LINE]


def test_locations_read_from_the_arrays_match_the_list_reading() -> None:
    """Document.location and page_of_line on CharBoxes (read from the arrays) give what the list of
    tuples gives, for every span: Nones, page changes, spans past the end."""
    rng = random.Random(10)
    items: list[CharBox | None] = []
    text = ""
    for _ in range(300):
        ch = rng.choice("ab\n\t")
        text += ch
        if ch == "\n" or rng.random() < 0.15:
            items.append(None)
        else:
            page = 1 + len(items) // 70 + (rng.random() < 0.05)
            x, y = rng.uniform(0, 500), rng.uniform(0, 800)
            items.append((page, (round(x, 3), round(y, 3), x + rng.uniform(1, 9), y + rng.uniform(1, 12))))
    flat = Document("x.pdf", text, "pdf", char_boxes=CharBoxes(items))
    plain = Document("x.pdf", text, "pdf", char_boxes=items)
    for start in range(0, len(text) + 2, 3):
        for end in (None, start, start + 1, start + 2, start + 17, start + 90, len(text) + 5):
            assert flat.location(min(start, len(text) - 1), end) == plain.location(
                min(start, len(text) - 1), end
            )
    lines = text.count("\n") + 1
    assert [flat.page_of_line(n) for n in range(lines + 2)] == [
        plain.page_of_line(n) for n in range(lines + 2)
    ]
