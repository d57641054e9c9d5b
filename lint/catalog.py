"""The rule catalogue: every rule's code, slug, severity, messages and docs, read from rules/*.toml.

Rule packs are data. Nothing in them is executed: messages are templates whose `{name}` fields
are filled by plain substitution (no attribute access, no format specs).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.errors import RuleFileError
from lint.model import Severity

if TYPE_CHECKING:
    from lint.vocab import Vocabulary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAMILIES = (
    "sum",
    "share",
    "change",
    "ratio",
    "average",
    "count",
    "repeat",
    "identity",
    "table",
    "structure",
    "text",
)

_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_CODE = re.compile(r"^FL\d{3}$")
_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


def rules_dir() -> Path:
    """rules/ beside the package in a checkout, or lint/_rules inside an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "rules", here / "_rules"):
        if (candidate / "generic.toml").is_file():
            return candidate
    raise RuleFileError(str(here / "_rules"), "built-in rule packs not found (broken installation)")


def render(template: str, values: dict[str, object]) -> str:
    """Fill `{name}` fields; unknown names stay visible rather than failing."""
    return _FIELD.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


@dataclass(frozen=True)
class RuleDef:
    code: str
    name: str
    family: str
    severity: Severity
    pack: str
    summary_zh: str
    summary_en: str
    message_zh: str
    message_en: str
    doc_zh: str = ""
    doc_en: str = ""
    example_fail: str = ""
    example_pass: str = ""
    source: str = ""

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def message(self, lang: str, values: dict[str, object]) -> str:
        return render(self.message_zh if lang == "zh" else self.message_en, values)


@dataclass
class Pack:
    name: str
    path: Path
    data: dict[str, object]
    rules: list[RuleDef] = field(default_factory=list)
    override: bool = False  # [pack] override = true: may redefine built-in rules (and it is reported)


def load_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RuleFileError(str(path), "file not found") from None
    except IsADirectoryError:
        raise RuleFileError(str(path), "is a directory, not a TOML file") from None
    except OSError as e:
        raise RuleFileError(str(path), f"cannot read: {e.strerror or type(e).__name__}") from None
    except RecursionError:
        raise RuleFileError(str(path), "invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as e:
        # Python < 3.14 has no e.lineno; the line is in the message: "… (at line 3, column 7)"
        found = re.search(r"\(at line (\d+)", str(e))
        line = getattr(e, "lineno", None) or (int(found.group(1)) if found else None)
        msg = str(e).split(" (at line")[0]
        raise RuleFileError(str(path), f"invalid TOML: {msg}", line) from None
    except UnicodeDecodeError:
        raise RuleFileError(str(path), "not UTF-8 text") from None


def _str(entry: dict[str, object], key: str, path: Path, where: str, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise RuleFileError(str(path), f"{where}: '{key}' must be a string")
    if required and not value.strip():
        raise RuleFileError(str(path), f"{where}: '{key}' is required")
    return value


_RULE_KEYS = {
    "code",
    "name",
    "family",
    "severity",
    "summary_zh",
    "summary_en",
    "message_zh",
    "message_en",
    "doc_zh",
    "doc_en",
    "example_fail",
    "example_pass",
    "source",
}


def parse_rules(data: dict[str, object], path: Path, pack: str) -> list[RuleDef]:
    raw = data.get("rule", [])
    if not isinstance(raw, list):
        raise RuleFileError(str(path), "'rule' must be an array of tables ([[rule]])")
    out: list[RuleDef] = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise RuleFileError(str(path), f"rule #{i + 1} is not a table")
        code = _str(entry, "code", path, f"rule #{i + 1}")
        where = f"rule {code}"
        if not _CODE.match(code):
            raise RuleFileError(str(path), f"{where}: code must look like FL123")
        unknown = set(entry) - _RULE_KEYS
        if unknown:
            raise RuleFileError(
                str(path),
                f"{where}: unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_RULE_KEYS))}",
            )
        name = _str(entry, "name", path, where)
        if not _SLUG.match(name):
            raise RuleFileError(str(path), f"{where}: name must be a lowercase slug like sum-mismatch")
        family = _str(entry, "family", path, where)
        if family not in FAMILIES:
            raise RuleFileError(
                str(path), f"{where}: unknown family {family!r}; valid: {', '.join(FAMILIES)}"
            )
        try:
            severity = Severity.parse(_str(entry, "severity", path, where))
        except ValueError as e:
            raise RuleFileError(str(path), f"{where}: {e}") from None
        out.append(
            RuleDef(
                code=code,
                name=name,
                family=family,
                severity=severity,
                pack=pack,
                summary_zh=_str(entry, "summary_zh", path, where),
                summary_en=_str(entry, "summary_en", path, where),
                message_zh=_str(entry, "message_zh", path, where),
                message_en=_str(entry, "message_en", path, where),
                doc_zh=_str(entry, "doc_zh", path, where, required=False),
                doc_en=_str(entry, "doc_en", path, where, required=False),
                example_fail=_str(entry, "example_fail", path, where, required=False),
                example_pass=_str(entry, "example_pass", path, where, required=False),
                source=_str(entry, "source", path, where, required=False),
            )
        )
    return out


def load_pack(path: Path) -> Pack:
    data = load_toml(path)
    meta = data.get("pack", {})
    name = meta.get("name", path.stem) if isinstance(meta, dict) else path.stem
    override = meta.get("override", False) if isinstance(meta, dict) else False
    if not isinstance(override, bool):
        raise RuleFileError(str(path), "[pack] override must be true or false")
    pack = Pack(name=str(name), path=path, data=data, rules=parse_rules(data, path, str(name)))
    pack.override = override
    return pack


def builtin_packs() -> list[Path]:
    return sorted(rules_dir().glob("*.toml"))


@dataclass
class Catalog:
    packs: list[Pack]
    rules: dict[str, RuleDef]
    overridden: list[str] = field(default_factory=list)  # "FL201 (pack 'bureau')": told to the user
    _vocabulary: Vocabulary | None = field(default=None, repr=False, compare=False)

    def get(self, code: str) -> RuleDef:
        return self.rules[code]

    @property
    def vocabulary(self) -> Vocabulary:
        """The vocabulary with every pack's [[synonyms]] merged in (user packs included)."""
        if self._vocabulary is None:
            from lint.vocab import pack_vocabulary

            self._vocabulary = pack_vocabulary(self.packs)
        return self._vocabulary


def load_catalog(extra: list[Path] | None = None) -> Catalog:
    """Built-in packs, then the user's. A user pack cannot take a built-in pack's name, and redefines a
    built-in rule only when it says `override = true` in [pack] (the catalogue lists what it changed)."""
    builtin = [load_pack(p) for p in builtin_packs()]
    builtin_names = {p.name for p in builtin}
    user = [load_pack(p) for p in extra or []]
    rules: dict[str, RuleDef] = {}
    overridden: list[str] = []
    for pack in builtin + user:
        is_user = pack not in builtin
        if is_user and pack.name in builtin_names:
            raise RuleFileError(
                str(pack.path), f"pack name {pack.name!r} is a built-in pack's; give [pack] another name"
            )
        for rule in pack.rules:
            prior = rules.get(rule.code)
            if prior is not None and prior.pack != pack.name:
                if not (is_user and pack.override and prior.pack in builtin_names):
                    hint = (
                        "; set override = true in [pack] to redefine it"
                        if prior.pack in builtin_names
                        else ""
                    )
                    raise RuleFileError(
                        str(pack.path), f"rule {rule.code} already defined by pack {prior.pack!r}{hint}"
                    )
                overridden.append(f"{rule.code} (pack {pack.name!r})")
            rules[rule.code] = rule
    overridden += _identity_overrides(builtin, user)
    from lint.identities import validate_packs

    packs = builtin + user
    validate_packs(packs)  # a broken [[identity]] is a load error (exit 2), not a mid-lint surprise
    return Catalog(packs=packs, rules=rules, overridden=overridden)


def _identity_names(pack: Pack) -> list[str]:
    raw = pack.data.get("identity", [])
    entries = raw if isinstance(raw, list) else []
    return [e["name"] for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)]


def _identity_overrides(builtin: list[Pack], user: list[Pack]) -> list[str]:
    """A user [[identity]] named like a built-in one replaces it (lint.identities): allowed only with
    `override = true` in [pack], and then told to the user like a redefined rule."""
    owner = {name: p.name for p in builtin for name in _identity_names(p)}
    out: list[str] = []
    for pack in user:
        for name in _identity_names(pack):
            if name not in owner:
                continue
            if not pack.override:
                raise RuleFileError(
                    str(pack.path),
                    f"identity {name!r} already defined by pack {owner[name]!r}; "
                    "set override = true in [pack] to redefine it",
                )
            out.append(f"identity {name} (pack {pack.name!r})")
    return out


def rule_doc(rule: RuleDef, lang: str, markdown: bool = False) -> str:
    """One rule's documentation as `fiscal-lint rule CODE` prints it, or as Markdown (SARIF help)."""
    zh = lang == "zh"
    body = (rule.doc_zh if zh else rule.doc_en).strip() or rule.summary(lang)
    meta = (
        f"{'严重程度' if zh else 'severity'}: {rule.severity.label}   {'类别' if zh else 'family'}: "
        f"{rule.family}   {'规则包' if zh else 'pack'}: {rule.pack}"
    )

    def block(text: str) -> list[str]:
        lines = text.strip("\n").split("\n")
        return ["```text", *lines, "```"] if markdown else ["    " + line for line in lines]

    head = f"{rule.code} {rule.name} — {rule.summary(lang)}"
    lines = [f"## {head}" if markdown else head, meta, "", body]
    if rule.example_fail:
        lines += ["", ("不通过的例子：" if zh else "Fails:"), *block(rule.example_fail)]
    if rule.example_pass:
        lines += ["", ("通过的例子：" if zh else "Passes:"), *block(rule.example_pass)]
    if rule.source:
        lines += ["", ("依据：" if zh else "Source: ") + rule.source]
    return "\n".join(lines)
