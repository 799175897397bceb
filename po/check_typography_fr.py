#!/usr/bin/env python3
"""CTest po_typography_fr: French spacing in po/fr.po (docs/translating.md).

French puts a space before : ; ? ! and inside « »; in Fieldnotes it is
always the no-break space U+00A0, so a line never wraps between a word and
its colon. Fails, naming the message, when a translation has a plain space
there, or a narrow no-break space U+202F (one kind throughout).

    python3 check_typography_fr.py po/fr.po
"""
import re
import sys

NBSP = "\u00a0"
PLAIN = re.compile(r"[ \t][:;?!»]|«[ \t]")
NARROW = "\u202f"


def translations(path):
    """(msgid, msgstr) of every entry but the header and obsolete ones."""
    entry, field = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                if entry.get("msgid") and entry.get("msgstr") is not None:
                    yield entry["msgid"], entry["msgstr"]
                entry, field = {}, None
                continue
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                field = "msgstr" if match.group(1).startswith("msgstr") else match.group(1)
                text = match.group(2)
                if field == "msgstr" and entry.get("msgstr"):
                    text = "\n" + text  # the next plural form, on a line of its own
                entry[field] = entry.get(field, "") + text if field == "msgstr" else text
            elif line.startswith('"') and field:
                entry[field] = entry.get(field, "") + line[1:-1]
    if entry.get("msgid") and entry.get("msgstr") is not None:
        yield entry["msgid"], entry["msgstr"]


def main():
    problems = []
    for msgid, msgstr in translations(sys.argv[1]):
        if PLAIN.search(msgstr):
            problems.append(f"a plain space where U+00A0 belongs: {msgstr!r}")
        if NARROW in msgstr:
            problems.append(f"U+202F where U+00A0 is used everywhere else: {msgstr!r}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("French spacing: U+00A0 before : ; ? ! and inside « », throughout")


if __name__ == "__main__":
    main()
