"""Integrity rules that no schema makes. Each rule is a module with a stable `CODE`, a
dotted `NAME`, the `SEVERITY` of its findings (an error for what is certainly wrong, a
warning for a heuristic's doubt; the configuration's rule_severity may change it), a docstring that is its user documentation (what passes, what fails), and
`check(document)`, a generator of Diagnostics. The registry is the dict below, in the order
rules run; adding a rule means adding a module and a line here."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Protocol

from ...errors import InputError
from ...model import Diagnostic, Severity
from ..association import CODE as ASSOCIATION
from ..document import Document
from . import (
    cert_values,
    choice_sic_corr,
    id_unique,
    note_sequence,
    pb_order,
    pointer_file,
    pointer_resolves,
    root_tei,
    tei_p4,
)


class Rule(Protocol):
    CODE: str
    NAME: str
    SEVERITY: Severity

    def check(self, document: Document) -> Iterator[Diagnostic]: ...


RULES: dict[str, Rule] = {
    "TF101": pointer_resolves,
    "TF102": id_unique,
    "TF103": choice_sic_corr,
    "TF104": cert_values,
    "TF105": root_tei,
    "TF106": note_sequence,
    "TF107": pb_order,
    "TF108": tei_p4,
    "TF109": pointer_file,
}


def named(name: str) -> Rule:
    """The rule a code or a name means."""
    for rule in RULES.values():
        if name in (rule.CODE, rule.NAME):
            return rule
    choices = ", ".join(f"{rule.CODE} ({rule.NAME})" for rule in RULES.values())
    raise InputError(name, f"no such rule; the rules are {choices}")


def select(disabled: Collection[str] = ()) -> list[Rule]:
    """The rules to run: all but those disabled, each named by its code or its name."""
    off = {named(name).CODE for name in disabled}
    return [rule for rule in RULES.values() if rule.CODE not in off]


def severities(changed: Iterable[tuple[str, str]] = ()) -> dict[str, Severity]:
    """The severity of each rule's findings, by code: its own, unless `changed` (rule code
    or name, "error" or "warning") says otherwise."""
    found = {code: rule.SEVERITY for code, rule in RULES.items()}
    for name, severity in changed:
        # TF005 (a declared schema that cannot be used) is no rule, but its severity is a
        # project's choice: an error when it cannot be loaded, a warning when it is remote
        code = ASSOCIATION if name.upper() == ASSOCIATION else named(name).CODE
        found[code] = Severity(severity)
    return found
