#!/usr/bin/env python3
"""Writes a pseudo-translation of a gettext catalog template, for testing.

Every message becomes "[Ŵŕîţţéñ ŵîţĥ áççéñţš·····]": each Latin letter
accented, about a third longer (the padding dots), and in brackets, so a
screenshot shows at once a string left in English (no accents), one cut
off (no closing bracket) or one glued from fragments (brackets inside).
What a program reads in a message stays as it is: placeholders (%1, %s,
%1$s, %zu, %lld, %%, strftime's %Y), wx menu accelerators (everything
after a tab) and wx's names of keys,
mnemonic ampersands, escapes, and words inside angle brackets or braces.

Usage: pseudo_po.py IN.pot OUT.po       (IN may also be a .po from msgunfmt)
"""
import re
import sys

ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥîĵķĺɱñöƥɋŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖƤɊŔŠŢÛṼŴẊÝŽ"))

# Kept as written: printf and Qt placeholders, and a word that is an option
# or a variable's name (--json, FIELDNOTES_PASSPHRASE, %1).
KEEP = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[A-Za-z%]"
                  r"|%\d{1,2}|(?<![\w-])--?[a-z][a-z0-9-]*|[A-Z][A-Z0-9_]{2,}|<[^>]*>|\{[^}]*\}|&(?=\S)"
                  r"|https?://\S+|\\.")


def pseudo(text):
    if not text:
        return text
    accel = ""
    if "\\t" in text:  # a menu item's accelerator is read by wx: keep it
        text, accel = text.split("\\t", 1)
        accel = "\\t" + accel
    out = []
    pos = 0
    letters = 0
    for m in KEEP.finditer(text):
        chunk = text[pos:m.start()]
        letters += sum(c.isalpha() for c in chunk)
        out.append("".join(ACCENTED.get(c, c) for c in chunk))
        out.append(m.group(0))
        pos = m.end()
    chunk = text[pos:]
    letters += sum(c.isalpha() for c in chunk)
    out.append("".join(ACCENTED.get(c, c) for c in chunk))
    body = "".join(out)
    pad = "·" * max(1, (len(text) + 2) // 3)
    # A message that begins or ends with a line break keeps it there.
    lead = trail = ""
    while body.startswith("\\n"):
        body, lead = body[2:], lead + "\\n"
    while body.endswith("\\n"):
        body, trail = body[:-2], trail + "\\n"
    return lead + "[" + body + pad + "]" + trail + accel


def read_entries(lines):
    entry, key = {}, None
    for line in lines + [""]:
        line = line.rstrip("\n")
        if not line.strip():
            if entry:
                yield entry
            entry, key = {}, None
            continue
        if line.startswith("#"):
            entry.setdefault("comments", []).append(line)
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if m:
            key = m.group(1)
            entry[key] = m.group(2)
        elif line.startswith('"') and key:
            entry[key] += line[1:-1]
    return


def quote(s):
    return '"' + s + '"'


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        lines = f.readlines()
    out = []
    for e in read_entries(lines):
        if "msgid" not in e:
            continue
        flags = [c for c in e.get("comments", []) if c.startswith("#,")]
        flags = [f.replace("fuzzy", "").replace(", ,", ",").rstrip(", ") for f in flags]
        flags = [f for f in flags if f != "#"]
        if e["msgid"] == "" and "msgctxt" not in e:
            out.append('msgid ""\nmsgstr ""\n'
                       '"Project-Id-Version: fieldnotes pseudo\\n"\n'
                       '"Language: en_US\\n"\n'
                       '"MIME-Version: 1.0\\n"\n'
                       '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                       '"Content-Transfer-Encoding: 8bit\\n"\n'
                       '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')
            continue
        if e.get("msgctxt") == "keyboard key":
            continue  # wx reads key names back from menu labels: left as they are
        block = flags[:]
        if "msgctxt" in e:
            block.append("msgctxt " + quote(e["msgctxt"]))
        block.append("msgid " + quote(e["msgid"]))
        if "msgid_plural" in e:
            block.append("msgid_plural " + quote(e["msgid_plural"]))
            block.append("msgstr[0] " + quote(pseudo(e["msgid"])))
            block.append("msgstr[1] " + quote(pseudo(e["msgid_plural"])))
        else:
            block.append("msgstr " + quote(pseudo(e["msgid"])))
        out.append("\n".join(block) + "\n")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
