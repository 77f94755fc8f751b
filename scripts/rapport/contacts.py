"""Find e-mail addresses and telephone numbers in a source file, so none is ever published.

Phone numbers are found with Google's libphonenumber (`phonenumbers`), in any country's
format: a cheap pattern picks out digit runs first, and only those are parsed, so text without
long numbers costs nothing. Web addresses are skipped (a DOI is not a phone number), and so
are dates and date-times written as dates (`25-10-25 23:14`: a forum's two-digit year). Names
and numbers reserved for examples reach no one, so they are no contact details: the domains of
RFC 2606 and RFC 6761 (example.com, .org and .net, and anything under .example, .test, .invalid
or .localhost) and the North American 555-01xx numbers set aside for fiction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumberMatcher

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(r"\b(?:https?|ftp)://[^\s)>\]\"']+")
# Digits with the separators phone numbers use, optionally after a '+' or an area code in
# brackets. Only runs of seven digits or more are parsed (shorter ones are service codes such
# as 109, or figures).
CANDIDATE_RE = re.compile(r"(?<![\w.+/])\+?(?:\(\d{1,5}\)[ .\-]?)?\d[\d .\-/]{5,}\d(?![\w])")
DATE_RE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$")
# A date followed by a time of day ('2025-10-25 23:14', '25-10-25 23:14', '25/10/2025 09:30'):
# removed before the digit runs are picked, so the date and the hour never pass for a number.
DATE_TIME_RE = re.compile(r"(?<!\d)(?:(?:\d{4}|\d{2})([-/.])\d{1,2}\1\d{1,2}|"
                          r"\d{1,2}([-/.])\d{1,2}\2\d{4})[ T]\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
MIN_DIGITS = 7
MAX_DIGITS = 15  # the longest number the international format (E.164) allows
REGIONS = tuple(sorted(phonenumbers.SUPPORTED_REGIONS))
RESERVED_DOMAIN_RE = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|"
                                r"localhost)$", re.IGNORECASE)
# 555-0100 to 555-0199, in any North American area: the last seven digits of the number.
FICTIONAL_NUMBER_RE = re.compile(r"55501\d\d$")


@dataclass(frozen=True)
class Contact:
    """A contact detail found in text: its 0-based line, what it is, and the text itself."""

    line: int
    kind: str   # "e-mail address" or "phone number"
    value: str


def find_contacts(lines: Iterable[str], allowed: frozenset[str] = frozenset(),
                  examples_pass: bool = True) -> Iterator[Contact]:
    """Every e-mail address and phone number in `lines`, except the exact `allowed` values
    and (unless `examples_pass` is False) the names and numbers reserved for examples. The
    importer keeps those out too: in a page copied from elsewhere they stand for someone's."""
    for number, line in enumerate(lines):
        text = URL_RE.sub(" ", line)
        for match in EMAIL_RE.finditer(text):
            if match.group(0) not in allowed and not (
                    examples_pass and is_example_address(match.group(0))):
                yield Contact(number, "e-mail address", match.group(0))
        for match in CANDIDATE_RE.finditer(DATE_TIME_RE.sub(" ", text)):
            for candidate in candidates(match.group(0)):
                if candidate not in allowed and not (
                        examples_pass and is_fictional_number(candidate)) \
                        and is_phone_number(candidate):
                    yield Contact(number, "phone number", candidate)
                    break


def is_example_address(address: str) -> bool:
    """Whether an e-mail address is at a domain reserved for examples (RFC 2606, RFC 6761)."""
    return bool(RESERVED_DOMAIN_RE.search(address.rpartition("@")[2]))


def is_fictional_number(text: str) -> bool:
    """Whether a number is one of the North American 555-0100 to 555-0199, kept for fiction."""
    digits = "".join(character for character in text if character.isdigit())
    national = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    return len(national) in (7, 10) and bool(FICTIONAL_NUMBER_RE.search(national))


def candidates(run: str) -> Iterator[str]:
    """The run itself, then, for a long run of space-separated groups (two numbers side by
    side, say), each stretch of two to four groups."""
    yield run
    groups = run.split()
    if len(groups) > 2 and sum(character.isdigit() for character in run) > MAX_DIGITS:
        for start in range(len(groups)):
            for size in (4, 3, 2):
                if start + size <= len(groups):
                    yield " ".join(groups[start:start + size])


def is_phone_number(text: str) -> bool:
    """Whether `text` is a valid phone number in some country, grouped as that country
    writes it (so a run of digits that merely could be one does not count)."""
    if sum(character.isdigit() for character in text) < MIN_DIGITS or DATE_RE.match(text):
        return False
    if text.startswith("+"):
        return any(True for _ in PhoneNumberMatcher(text, None, leniency=Leniency.VALID))
    for region in REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and any(
                True for _ in PhoneNumberMatcher(text, region,
                                                 leniency=Leniency.STRICT_GROUPING)):
            return True
    return False
