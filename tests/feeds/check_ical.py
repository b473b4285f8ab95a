#!/usr/bin/python3
"""Reads the calendars gen wrote with a real iCalendar parser and checks
them against the site's own occurrences.

    check_ical.py OUTDIR [HOST]

OUTDIR holds activiteiten.ics, one <kern>.ics per kern and occurrences.txt
(see gen.c); HOST is that of basis_url (default www.zameneen.nl). For every
calendar:
  - the bytes: CRLF line ends only, no physical line over 75 octets, every
    physical line valid UTF-8 on its own (folding never cuts a character);
  - python3-icalendar parses it; the VTIMEZONE gives the same UTC offset as
    the system's tzdata for Europe/Amsterdam at every half hour of 2026-2032;
  - every VEVENT, expanded with dateutil (RRULE, EXDATE, UNTIL) over the
    window of occurrences.txt, gives exactly the occurrences zamen computes
    (slug, date, start, end), and the same UTC instants through our
    VTIMEZONE as through tzdata. The per-kern calendars give exactly that
    kern's share; every UID ends in @HOST, every URL starts with
    https://HOST/, and every event has a DTSTAMP in UTC.
Prints what differs and exits 1 when anything does.
"""
import datetime as dt
import os
import sys
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule

AMS = ZoneInfo("Europe/Amsterdam")
UTC = dt.timezone.utc
DEFAULT_DURATION = dt.timedelta(hours=1)  # render_ical.h: no end time
problems = []


def problem(msg):
    problems.append(msg)


def check_bytes(name, raw):
    if b"\n" in raw.replace(b"\r\n", b"") or b"\r" in raw.replace(b"\r\n", b""):
        problem(f"{name}: a line break that is not CRLF")
    if not raw.endswith(b"\r\n"):
        problem(f"{name}: does not end in CRLF")
    for i, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problem(f"{name}:{i}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problem(f"{name}:{i}: folded inside a UTF-8 character")


checked_zones = {}  # the same VTIMEZONE text is compared with tzdata once


def check_vtimezone(name, cal):
    zones = [c for c in cal.walk("VTIMEZONE")]
    if len(zones) != 1 or str(zones[0]["TZID"]) != "Europe/Amsterdam":
        problem(f"{name}: expected one VTIMEZONE Europe/Amsterdam")
        return None
    text = zones[0].to_ical()
    if text in checked_zones:
        return checked_zones[text]
    ours = checked_zones[text] = zones[0].to_tz()
    t = dt.datetime(2026, 1, 1, tzinfo=UTC)
    end = dt.datetime(2033, 1, 1, tzinfo=UTC)
    while t < end:
        want = t.astimezone(AMS).utcoffset()
        got = t.astimezone(ours).utcoffset()
        if want != got:
            problem(f"{name}: VTIMEZONE gives {got} at {t}, tzdata {want}")
            return ours
        t += dt.timedelta(minutes=30)
    return ours


def wall(value):
    """A DATE-TIME with TZID as a naive wall-clock time."""
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValueError(f"not a DATE-TIME with TZID: {value!r}")
    return value.replace(tzinfo=None)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def expand(name, ev, ours, first, last):
    """The occurrences of one VEVENT that start on first..last (dates)."""
    uid = str(ev["UID"])
    slug = uid.split("@")[0]
    if ev["DTSTART"].params.get("TZID") != "Europe/Amsterdam":
        problem(f"{name}: {uid}: DTSTART without TZID=Europe/Amsterdam")
    start = wall(ev["DTSTART"].dt).replace(tzinfo=AMS)
    if "DTEND" in ev:
        duration = (wall(ev["DTEND"].dt).replace(tzinfo=AMS).astimezone(UTC)
                    - start.astimezone(UTC))
    elif "DURATION" in ev:
        duration = ev["DURATION"].dt
    else:
        problem(f"{name}: {uid}: neither DTEND nor DURATION")
        duration = dt.timedelta(0)
    rs = rrule.rruleset()
    if "RRULE" in ev:
        text = ev["RRULE"].to_ical().decode()
        if "UNTIL" in ev["RRULE"] and not text.split("UNTIL=")[1].split(";")[0].endswith("Z"):
            problem(f"{name}: {uid}: UNTIL is not UTC")
        rs.rrule(rrule.rrulestr(text, dtstart=start))
    else:
        rs.rdate(start)
    for ex in as_list(ev.get("EXDATE")):
        if ex.params.get("TZID") != "Europe/Amsterdam":
            problem(f"{name}: {uid}: EXDATE without TZID=Europe/Amsterdam")
        for d in ex.dts:
            rs.exdate(wall(d.dt).replace(tzinfo=AMS))
    lo = dt.datetime.combine(first, dt.time(0), AMS)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), AMS)
    out = set()
    for s in rs.between(lo, hi, inc=True):
        if s.date() > last:
            continue
        # The same instant through the calendar's own VTIMEZONE.
        if ours is not None:
            via_ours = ours.localize(s.replace(tzinfo=None)).astimezone(UTC)
            if via_ours != s.astimezone(UTC):
                problem(f"{name}: {uid}: {s} is {via_ours} by the VTIMEZONE")
        e = (s.astimezone(UTC) + duration).astimezone(AMS)
        out.add((slug, s.date().isoformat(), s.strftime("%H:%M"),
                 e.strftime("%H:%M")))
    return out


def read_expected(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().split()
        first = dt.date.fromisoformat(head[2])
        last = dt.date.fromisoformat(head[4])
        rows = []
        for line in f:
            slug, kern, date, start, end = line.split()
            if end == "-":
                s = dt.datetime.combine(dt.date.fromisoformat(date),
                                        dt.time.fromisoformat(start), AMS)
                end = (s.astimezone(UTC) + DEFAULT_DURATION).astimezone(
                    AMS).strftime("%H:%M")
            rows.append((kern, (slug, date, start, end)))
    return first, last, rows


def check_calendar(path, expected, first, last, host):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        raw = f.read()
    check_bytes(name, raw)
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # the parser's own message says it best
        problem(f"{name}: does not parse: {str(e)[:200]}")
        return
    ours = check_vtimezone(name, cal)
    got = set()
    uids = set()
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        if uid in uids:
            problem(f"{name}: UID {uid} twice")
        uids.add(uid)
        if not uid.endswith("@" + host):
            problem(f"{name}: UID {uid} does not end in @{host}")
        if "DTSTAMP" not in ev or ev["DTSTAMP"].dt.tzinfo is None:
            problem(f"{name}: {uid}: DTSTAMP missing or not UTC")
        if not str(ev.get("URL", "")).startswith("https://" + host + "/"):
            problem(f"{name}: {uid}: URL is not absolute")
        try:
            got |= expand(name, ev, ours, first, last)
        except ValueError as e:  # dateutil refuses e.g. a local UNTIL
            problem(f"{name}: {uid}: {e}")
    for occ in sorted(expected - got):
        problem(f"{name}: missing {' '.join(occ)}")
    for occ in sorted(got - expected):
        problem(f"{name}: not an occurrence of the site: {' '.join(occ)}")
    print(f"# {name}: {len(got)} occurrences from {first} to {last}")


def main():
    out = sys.argv[1]
    host = sys.argv[2] if len(sys.argv) > 2 else "www.zameneen.nl"
    first, last, rows = read_expected(os.path.join(out, "occurrences.txt"))
    every = {occ for _, occ in rows}
    check_calendar(os.path.join(out, "activiteiten.ics"), every, first,
                   last, host)
    for f in sorted(os.listdir(out)):
        if f.endswith(".ics") and f != "activiteiten.ics":
            kern = f[:-4]
            check_calendar(os.path.join(out, f),
                           {occ for k, occ in rows if k == kern},
                           first, last, host)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
