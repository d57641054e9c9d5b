"""Structure: sections, and the relations the wording states between figures."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from lint.extract import Extraction
from lint.extract.labels import label_reader
from lint.extract.wraps import JOIN
from lint.model import Document, Figure, Qualifiers, Relation
from lint.structure.blanks import blank_cell_relations
from lint.structure.contents import contents_marks
from lint.structure.hygiene import HygieneReader, Mark
from lint.structure.implied import implied_shares
from lint.structure.layout import Layout, read_layout
from lint.structure.points import PointsReader
from lint.structure.relations import RelationFinder
from lint.structure.scopes import Scope, figure_scopes, heading_funds
from lint.structure.scores import score_relations
from lint.structure.sections import Heading, outline, section_paths
from lint.structure.stated import StatedComparisons
from lint.structure.tables import TableView, table_relations
from lint.vocab import Vocabulary, default_vocabulary, per_vocabulary


@dataclass
class Analysis:
    document: Document
    figures: list[Figure]
    relations: list[Relation]
    headings: list[Heading]
    default_stage: str | None
    year: int | None
    layout: Layout  # what each line is, section titles, years: what the structure checks walk
    table_views: list[TableView] = field(default_factory=list)  # how each table's rows/columns read
    generic_labels: set[str] = field(default_factory=set)
    heading_fund: dict[int, str] = field(default_factory=dict)  # figure id → fund scope of its heading
    scopes: dict[int, Scope] = field(default_factory=dict)  # prose figure id → what its label means here
    placeholders: list[Figure] = field(default_factory=list)  # "XXX万元": written where a figure belongs
    marks: list[Mark] = field(default_factory=list)  # leftovers of a hurried draft (structure/hygiene.py)


def analyse(doc: Document, extraction: Extraction, vocab: Vocabulary | None = None) -> Analysis:
    vocab = vocab or default_vocabulary()
    everything = extraction.figures
    figures = [f for f in everything if not f.placeholder]
    placeholders = [f for f in everything if f.placeholder]
    headings = outline(doc.text)
    layout = read_layout(doc, headings)
    # a figure's section is the body heading above it, never a contents line or a table row
    # ("二十六、抗疫特别国债安排的支出" in a 支出决算表)
    _assign_sections(doc.text, [h for h in headings if layout.lines[h.line - 1].body], everything)
    finder = RelationFinder(vocab, label_reader(vocab))
    # relations are read in sentences: a sentence wrapped across lines is one (extract/wraps.py)
    # (the joiner reads as a space there: "支出率 87.72%", "下降 14.2%")
    prose_text = extraction.prose_text.replace(JOIN, " ")
    # the finder reads placeholders as figures, so that a breakdown or share written with "XXX万元" is
    # read as the relation it is and then left unchecked, not re-read without it (issue 8)
    relations = [
        r
        for r in finder.find(prose_text, everything, extraction.year, extraction.default_stage)
        if not any(f.placeholder for _, f in r.members)
    ]
    prose = [f for f in figures if f.table is None]
    relations += PointsReader(vocab).relations(prose_text, prose)
    relations += implied_shares(prose_text, prose, relations)
    _inherit_qualifiers(relations)
    _apply_defaults(figures, extraction.default_stage)
    # a comparison in words reads the stages, so it comes after the defaults too
    relations += StatedComparisons(vocab).relations(prose_text, prose)
    # table relations read the figures' final qualifiers, so they come after the defaults
    views, table_rels = table_relations(doc.tables, figures, extraction.default_stage == "final", doc.text)
    table_rels += score_relations(views, figures, doc.text, vocab.scores)
    table_rels += blank_cell_relations(
        views, figures, vocab.table_slots, extraction.year, extraction.default_stage == "final"
    )
    funds = heading_funds(figures, vocab)
    return Analysis(
        doc,
        figures,
        _firm(relations + table_rels),
        headings,
        extraction.default_stage,
        extraction.year,
        layout=layout,
        table_views=views,
        generic_labels=set(vocab.generic),
        heading_fund=funds,
        scopes=figure_scopes(doc, figures, relations, funds, vocab, extraction.year, finder.labels),
        placeholders=placeholders,
        marks=sorted(
            _hygiene(vocab).read(doc.text, layout)
            + contents_marks(doc.text, layout, vocab.title_endings, vocab.title_stand_ins),
            key=lambda m: m.start,
        ),
    )


def _firm(relations: list[Relation]) -> list[Relation]:
    """The relations no noisy figure takes part in: a number read through OCR letters, a cut or a
    footnote mark (Figure.noise) may be misread, so no check may rest on it. The readers still read
    it, so that a breakdown with a noisy part is seen whole and left unchecked, not re-read without it."""
    return [r for r in relations if not any(f.noise for _, f in r.members)]


# One compiled reader per vocabulary object (user packs may add words).
_hygiene = per_vocabulary(HygieneReader)


def _assign_sections(text: str, headings: list[Heading], figures: list[Figure]) -> None:
    paths = section_paths(text, headings)
    starts = [p[0] for p in paths]
    for f in figures:
        i = bisect.bisect_right(starts, f.start) - 1
        f.section = paths[i][1] if i >= 0 else ()


def _inherit_qualifiers(relations: list[Relation]) -> None:
    """Parts of a breakdown take the stage, period and fund of their total unless they name their
    own: in “三公经费”预算安排0.79万元，其中出国出境0元… every part is a 预算 figure; the 人员经费 of
    一般公共预算财政拨款基本支出 is 一般公共预算's."""
    for rel in relations:
        if rel.kind != "sum":
            continue
        total = rel.role("total")
        assert total is not None
        tq = total.qualifiers
        for part in rel.roles("part"):
            q = part.qualifiers
            stage, period, fund = q.stage or tq.stage, q.period or tq.period, q.fund or tq.fund
            if (stage, period, fund) != q.key():  # (most parts already say what their total says)
                part.qualifiers = replace(q, stage=stage, period=period, fund=fund)


def _apply_defaults(figures: list[Figure], stage: str | None) -> None:
    done: dict[Qualifiers, Qualifiers] = {}  # frozen, so figures qualified alike may share one
    for f in figures:
        q = f.qualifiers
        if q.stage is None or q.period is None:
            if q not in done:
                done[q] = replace(q, stage=q.stage or stage, period=q.period or "current")
            f.qualifiers = done[q]
