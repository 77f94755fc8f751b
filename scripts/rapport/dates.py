"""Dates and periods as readers read them, each written once: the templates use the same
month names through the site settings (`extra.rapport.months` in mkdocs.yml).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def iso_date(value: Any) -> str | None:
    """A calendar date written YYYY-MM-DD, as text, or None if the value is not one."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def long_date(iso: str) -> str:
    """"2025-10-25" as readers write it: "25 October 2025"."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def period(months: int, in_words: bool = False) -> str:
    """A review interval as readers say it: 36 → "3 years", 12 → "1 year", 18 → "18 months";
    `in_words`: "three years", "year", "18 months"."""
    count, unit = (months // 12, "year") if months % 12 == 0 else (months, "month")
    if in_words and count == 1:
        return unit
    number = NUMBER_WORDS[count] if in_words and count < len(NUMBER_WORDS) else str(count)
    return f"{number} {unit}{'s' if count != 1 else ''}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day if it has no such day: 28 February
    for a 29 February; the end of the calendar if that is past it)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > date.max.year:
        return date.max
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
