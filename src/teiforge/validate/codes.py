"""Every code a finding of `teiforge validate` may carry, as `--list-rules` prints them: the
integrity rules (which configuration can switch off), then the codes of the other layers."""

from __future__ import annotations

from . import rules
from .association import CODE as ASSOCIATION
from .document import WELL_FORMEDNESS_CODES

# Codes that are not rules: they cannot be switched off. A code never changes meaning.
LAYERS = {
    WELL_FORMEDNESS_CODES["not-well-formed"]: "not well-formed XML",
    WELL_FORMEDNESS_CODES["binary"]: "not XML at all: binary content",
    WELL_FORMEDNESS_CODES["entity"]: "declares entities (refused: XXE and entity-expansion risk)",
    WELL_FORMEDNESS_CODES["external-dtd"]: "points to an external DTD (refused, never fetched)",
    ASSOCIATION: "an xml-model schema that cannot be used (remote, compact syntax...): warning",
    "XSD": "invalid against an XML Schema",
    "RNG": "invalid against a RELAX NG schema",
    "SCH": "a Schematron assert failed or report fired (role=warning: a warning)",
}


def summary(rule: rules.Rule) -> str:
    """The first line of a rule's documentation, without its code and name."""
    first = (rule.__doc__ or "").strip().splitlines()[0]
    return first.split(":", 1)[1].strip() if ":" in first else first


def listing() -> str:
    width = max(len(rule.NAME) for rule in rules.RULES.values())
    lines = [
        (
            "Integrity rules (switch off with --disable or disable_rules; "
            "rule_severity changes a severity):"
        )
    ]
    lines += [
        f"  {code}  {rule.NAME:<{width}}  {rule.SEVERITY.value:<7}  {summary(rule)}"
        for code, rule in rules.RULES.items()
    ]
    lines.append("Other codes:")
    lines += [f"  {code:<5}  {words}" for code, words in LAYERS.items()]
    return "\n".join(lines) + "\n"
