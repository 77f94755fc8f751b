"""Contact details: every e-mail address and phone number is found, in any country's format,
and figures, dates, web addresses and service codes are not. (The numbers are fictional:
Ofcom's and the US drama ranges, or made up.)"""

from __future__ import annotations

import pytest
from rapport.contacts import candidates, find_contacts


def found(*lines: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    return [(contact.line, contact.kind, contact.value)
            for contact in find_contacts(lines, allowed)]


@pytest.mark.parametrize("number", ["+44 20 7946 0958", "020 7946 0958", "(415) 555-2671",
                                    "+1 415 555 2671", "(02) 1234 5678", "0491 570 006",
                                    "551 2345"])
def test_a_phone_number_is_found_as_its_country_writes_it(number):
    assert found(f"Call {number} today.") == [(0, "phone number", number)]


def test_every_contact_on_every_line_is_found():
    assert found("Mail a@mail.rapport-demo.org or b@mail.rapport-demo.org.", "",
                 "Call 020 7946 0958 or 0113 496 0000.") == [
        (0, "e-mail address", "a@mail.rapport-demo.org"), (0, "e-mail address", "b@mail.rapport-demo.org"),
        (2, "phone number", "020 7946 0958"), (2, "phone number", "0113 496 0000")]


def test_two_numbers_side_by_side_are_found_by_their_groups():
    assert found("Call 0113 4960000 0113 4960001.") == [(0, "phone number", "0113 4960000")]


@pytest.mark.parametrize("text", [
    "1 234 567 890 people",                        # a figure, grouped in thousands
    "1234567890123456789",                         # too long for any phone number
    "On 2024-01-02 and 02/01/2024.",               # dates
    "See https://doi.org/10.1037/0022-006X.68.3.438 now.",
    "Text 116 123, call 988 or 109.",              # service codes: too short to be checked
    "+1 415 555 01",                               # too short for its country
])
def test_figures_dates_addresses_and_short_codes_are_not_contacts(text):
    assert found(text) == []


def test_an_allowed_contact_passes_only_as_written():
    allowed = frozenset({"help@mail.rapport-demo.org", "020 7946 0958"})
    assert found("help@mail.rapport-demo.org, 020 7946 0958", allowed=allowed) == []
    assert found("Help@mail.rapport-demo.org, 020 79460958", allowed=allowed) == [
        (0, "e-mail address", "Help@mail.rapport-demo.org"), (0, "phone number", "020 79460958")]


@pytest.mark.parametrize("text", [
    "Write to support@example.com, help@example.org or desk@mail.example.net.",
    "Or to team@docs.example, ci@build.test, nobody@x.invalid and me@localhost.",
    "Call 555-0123, (212) 555-0100, +1 212 555 0199 or 1-800-555-0142.",
])
def test_names_and_numbers_reserved_for_examples_are_no_contact_details(text):
    """RFC 2606 and RFC 6761 keep these domains, and the North American plan the 555-01xx
    numbers, for examples: they reach no one."""
    assert found(text) == []


def test_a_number_or_domain_that_only_looks_reserved_is_still_found():
    assert found("Mail a@example.com.au or b@notexample.org, call (212) 555-0200.") == [
        (0, "e-mail address", "a@example.com.au"), (0, "e-mail address", "b@notexample.org"),
        (0, "phone number", "(212) 555-0200")]


@pytest.mark.parametrize("text", [
    "작성자 VT 작성일25-10-25 23:14 (수정:25-10-25 23:14)",   # a forum's two-digit year
    "Posted 2025-10-25 23:14:05, edited 25/10/2025 09:30.",
    "25.10.25 09:30",
])
def test_a_date_with_a_time_of_day_is_not_a_phone_number(text):
    assert found(text) == []


def test_a_phone_number_beside_a_date_time_is_still_found():
    assert found("작성일25-10-25 23:14 연락처 (02) 1234 5678") == [
        (0, "phone number", "(02) 1234 5678")]


def test_the_importer_keeps_reserved_names_out_too():
    """In a page copied from elsewhere an example address stands for someone's: the importer
    asks for those as well."""
    assert [contact.value for contact in find_contacts(
        ["poster@example.org, 555-0123"], examples_pass=False)] == ["poster@example.org",
                                                                     "555-0123"]


def test_a_run_too_long_for_one_number_is_tried_stretch_by_stretch():
    """Past the 15 digits E.164 allows, every stretch of four, three and two groups, from
    each group on; a run of 15 digits or fewer, or of two groups, is one number or none."""
    assert list(candidates("020 7946 0958 0161 496")) == [
        "020 7946 0958 0161 496", "020 7946 0958 0161", "020 7946 0958", "020 7946",
        "7946 0958 0161 496", "7946 0958 0161", "7946 0958", "0958 0161 496", "0958 0161",
        "0161 496"]
    assert list(candidates("020 7946 0958 0161")) == ["020 7946 0958 0161"]     # 15 digits
    assert list(candidates("0207946095801614 1")) == ["0207946095801614 1"]       # two groups
