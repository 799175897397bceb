#!/usr/bin/python3
"""Reads a running Fieldnotes window the way a screen reader does, through
AT-SPI (pyatspi), and checks two things on each page it is shown:

  names  every control (button, field, list, slider, tab, ...) has a role
         other than "unknown" and a name to read out;
  focus  Tab, pressed again and again (real key presses through XTest),
         reaches every control on the page, each once per round, in reading
         order: down a column, then on to the next column to the right.

  atspi_check.py APP_NAME STEP...
  STEP: page:NAME   check the page now shown, calling it NAME in the report
        page:NAME=TITLE  the same, for the window (a dialog) called TITLE only
        key:KEYS    press KEYS (xdotool syntax), e.g. key:ctrl+5
        type:TEXT   type TEXT
        window:TITLE  give the keyboard to the window called TITLE (a regex)
        focus:ROLE  press Tab until a control of ROLE ("password text") has the keyboard
        rows:NAME   the list or table called NAME on the window shown reads row by
                    row: it has a row, and that row's cells have words
        sleep:S

Run inside a D-Bus session with the accessibility bus (dbus-run-session)
on a virtual display (xvfb-run), after starting the app. Exit status 1
with a list of what failed.
"""
import os
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

# The object that last said it has the keyboard (AT-SPI focus events: some
# controls, such as the button inside a drop-down, are not in the tree
# walk but do say so).
_last_focus = []


def _on_focus(event):
    if event.detail1 == 1:
        _last_focus.append(event.source)


def listen_for_focus():
    pyatspi.Registry.registerEventListener(_on_focus, "object:state-changed:focused")


def pump(seconds):
    end = time.time() + seconds
    ctx = GLib.MainContext.default()
    while time.time() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.02)

# Roles that are something to operate, so they need a name and a place in
# the Tab order.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "text", "password text",
    "combo box", "slider", "spin button", "list", "list box", "table", "tree table", "tree",
    "page tab list", "entry", "scroll pane",
}
# Reached by arrow keys from the control that holds them, not by Tab.
INNER_ROLES = {"table cell", "list item", "menu item", "page tab", "table column header",
               "table row header", "scroll bar"}

failures = []
DEBUG = bool(os.environ.get("FIELDNOTES_ATSPI_DEBUG"))


def fail(page, text):
    failures.append(f"{page}: {text}")


def find_app(name, timeout=90):
    # Generous: on a loaded machine the app can take half a minute to show;
    # the wait ends as soon as it is there.
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name and name in app.name.lower():
                for j in range(app.childCount):
                    frame = app.getChildAtIndex(j)
                    if frame is not None and frame.getState().contains(pyatspi.STATE_SHOWING):
                        return app
        time.sleep(0.3)
    return None


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def walk(node, out, depth=0):
    """Every showing node under `node`, not descending into menus and the
    cells of tables (they are read through the table)."""
    if depth > 60 or node is None or not showing(node):
        return
    out.append(node)
    role = node.getRoleName()
    if role in ("menu bar", "table", "tree table", "list", "list box", "tool tip"):
        return
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), out, depth + 1)


def key_of(node):
    try:
        e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return (node.getRoleName(), node.name, e.x, e.y, e.width, e.height)
    except Exception:
        return (node.getRoleName(), node.name, 0, 0, 0, 0)


def path_of(node):
    """Where `node` sits in the tree: stable while the page scrolls."""
    path = []
    n = node
    while n is not None and len(path) < 80:
        try:
            path.append(n.getIndexInParent())
            n = n.parent
        except Exception:
            break
    return tuple(reversed(path))


def where(node):
    k = key_of(node)
    return f"{k[0]} {k[1]!r} at {k[2]},{k[3]}"


def is_control(node):
    role = node.getRoleName()
    if role not in CONTROL_ROLES:
        return False
    st = node.getState()
    if role in ("combo box", "list"):  # the button, the rows inside take the keyboard
        return True
    if role == "scroll pane":  # only when it takes the keyboard itself
        return st.contains(pyatspi.STATE_FOCUSABLE)
    return True


def has_name(node):
    if node.name and node.name.strip():
        return True
    for rel in node.getRelationSet():
        if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY and rel.getNTargets() > 0:
            return True
    return False


def check_names(page, nodes):
    for n in nodes:
        role = n.getRoleName()
        if role == "unknown":
            fail(page, f"a control without a role: {where(n)}")
        if role in ("push button", "label", "check box", "radio button", "page tab") and \
                re.search(r"&[A-Za-z]", n.name or ""):
            fail(page, f"a keyboard mnemonic shown as text: {where(n)}")
        if is_control(n) and not has_name(n):
            # A text field inside a named scrolled window is read by that name
            # only if it has one itself.
            fail(page, f"no name: {where(n)}")


def focusables(nodes):
    """The controls Tab should stop at: the innermost ones (a list inside
    its scrolled window is the stop, not the window)."""
    out = []
    for n in nodes:
        st = n.getState()
        if not is_control(n):
            continue
        if not st.contains(pyatspi.STATE_FOCUSABLE) and n.getRoleName() not in ("combo box", "list"):
            continue
        if not st.contains(pyatspi.STATE_SENSITIVE) or not st.contains(pyatspi.STATE_VISIBLE):
            continue
        k = key_of(n)
        if k[4] <= 1 or k[5] <= 1:
            continue
        out.append(n)
    paths = [path_of(n) for n in out]
    inner = []
    for n, p in zip(out, paths):
        if n.getRoleName() != "page tab list" and any(q != p and q[:len(p)] == p for q in paths):
            continue
        inner.append(n)
    return inner


def focused(app):
    nodes = []
    for i in range(app.childCount):
        walk(app.getChildAtIndex(i), nodes)
    for n in nodes:
        if n.getState().contains(pyatspi.STATE_FOCUSED):
            # The deepest focused node may be a cell in a list: the list.
            return n
    # A table's cell may hold the focus; walk() stops at the table.
    # (Also the page tabs: the tab list holds the keyboard for them.)
    for n in nodes:
        if n.getRoleName() in ("table", "tree table", "list", "list box"):
            for i in range(min(n.childCount, 400)):
                c = n.getChildAtIndex(i)
                if c is not None and c.getState().contains(pyatspi.STATE_FOCUSED):
                    return n
    return None


def owner(node, controls):
    """The control in `controls` that `node` is, or is inside."""
    paths = {path_of(c): c for c in controls}
    p = path_of(node)
    own = True
    tab = node.getRoleName() == "page tab"  # a tab is its tab list's stop
    while p:
        c = paths.get(p)
        # The page tabs hold the pages, but a control on a page is not them.
        if c is not None and (own or tab or c.getRoleName() != "page tab list"):
            return c
        own = False
        p = p[:-1]
    return None


def group_of(node):
    """Radio buttons are one stop together (arrows move within)."""
    if node.getRoleName() == "radio button":
        return ("radio group",) + path_of(node.parent)
    return path_of(node) + (node.getRoleName(), node.name)


def check_focus(page, app, controls):
    if not controls:
        return
    seen = []
    stray = set()
    unseen = 0
    first = None
    for _ in range(3 * len(controls) + 10):
        _last_focus.clear()
        subprocess.run(["xdotool", "key", "--clearmodifiers", "Tab"], check=False)
        for _ in range(8):
            pump(0.1)
            if _last_focus:
                break
        f = _last_focus[-1] if _last_focus else None
        if DEBUG:
            print("  stop:", [where(x) for x in _last_focus])
        if f is None:
            # The keyboard went where AT-SPI announces nothing (a list wx
            # draws itself): counted, and said below.
            unseen += 1
            continue
        o = owner(f, controls)
        if o is None and f.getRoleName() in CONTROL_ROLES and has_name(f):
            o = f  # a control the walk does not reach (a list wx draws), named
        if o is None:
            # The keyboard is somewhere a screen reader cannot say what it is.
            if f.getRoleName() not in CONTROL_ROLES | INNER_ROLES:
                stray.add(where(f))
            continue
        g = group_of(o)
        if first is None:
            first = g
        elif g == first and len(seen) > 1:
            break
        if not seen or seen[-1][0] != g:
            seen.append((g, o))
    # The round starts at the top left, where reading starts.
    if seen:
        start = min(range(len(seen)), key=lambda i: (key_of(seen[i][1])[3], key_of(seen[i][1])[2]))
        seen = seen[start:] + seen[:start]
    for w in sorted(stray):
        fail(page, f"Tab stops on something with no control's role: {w}")
    groups = [g for g, _ in seen]
    # Every control reached, once a round.
    want = []
    for c in controls:
        if group_of(c) not in want:
            want.append(group_of(c))
    for g in want:
        if g not in groups:
            node = next(c for c in controls if group_of(c) == g)
            fail(page, f"Tab never reaches {where(node)}")
    dup = {g for g in groups if groups.count(g) > 1}
    for g in dup:
        node = next(o for gg, o in seen if gg == g)
        fail(page, f"Tab reaches {where(node)} twice in one round")
    # Reading order: a step up the page must be a step to a column on the
    # right.
    for (g1, a), (g2, b) in zip(seen, seen[1:]):
        ka, kb = key_of(a), key_of(b)
        # (24 pixels of slack: a field half scrolled out of view and a
        # control in the row under the scrolled part overlap.)
        if kb[3] + 24 < ka[3] and kb[2] <= ka[2] + ka[4] // 2:
            fail(page, f"Tab goes back up from {where(a)} to {where(b)}")
    print(f"{page}: Tab order: " + " > ".join(f"{o.getRoleName()} {o.name!r}" for _, o in seen))
    if unseen:
        print(f"{page}: note: {unseen} Tab stop(s) in {3 * len(controls) + 10} presses announced "
              "no focus (lists wx draws itself)")


def cell_words(table, row):
    """The words of the cells of `row` of a table, as a screen reader reads them."""
    words = []
    try:
        t = table.queryTable()
        for col in range(t.nColumns):
            cell = t.getAccessibleAt(row, col)
            if cell is not None and cell.name:
                words.append(cell.name)
    except NotImplementedError:
        # A plain list: its children are the rows.
        if row < table.childCount:
            child = table.getChildAtIndex(row)
            if child is not None and child.name:
                words.append(child.name)
    return words


def check_rows(name, app):
    """The list called `name` has rows a screen reader can read one by one."""
    nodes = []
    for i in range(app.childCount):
        frame = app.getChildAtIndex(i)
        if frame is not None and showing(frame):
            walk(frame, nodes)
    lists = [n for n in nodes if n.name == name and
             n.getRoleName() in ("table", "tree table", "list", "list box", "tree")]
    if not lists:
        fail("rows", f"no list called {name!r} on the window shown")
        return
    table = lists[0]
    try:
        rows = table.queryTable().nRows
    except NotImplementedError:
        rows = table.childCount
    words = cell_words(table, 0) if rows > 0 else []
    if rows == 0 or not words:
        fail("rows", f"{name!r} ({table.getRoleName()}) has no rows a screen reader can read")
        return
    print(f"rows: {name!r}: {rows} row(s), the first reads {' | '.join(words)!r}")


def check_page(page, app, window=None):
    nodes = []
    for i in range(app.childCount):
        frame = app.getChildAtIndex(i)
        if frame is not None and showing(frame) and (window is None or frame.name == window):
            walk(frame, nodes)
    if DEBUG:
        for n in nodes:
            print("  node:", where(n))
    check_names(page, nodes)
    controls = focusables(nodes)
    print(f"{page}: {len(nodes)} accessible objects, {len(controls)} controls")
    check_focus(page, app, controls)


def main():
    name = sys.argv[1]
    app = find_app(name)
    listen_for_focus()
    if app is None:
        print(f"no application {name!r} on the accessibility bus", file=sys.stderr)
        return 1
    # The keyboard goes to the app's window (no window manager here).
    win = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", sys.argv[2]],
                         capture_output=True, text=True).stdout.split()
    for w in win[:1]:
        subprocess.run(["xdotool", "windowfocus", "--sync", w], check=False)
    for step in sys.argv[3:]:
        kind, _, arg = step.partition(":")
        if kind == "key":
            subprocess.run(["xdotool", "key", "--clearmodifiers", arg], check=False)
            time.sleep(0.5)
        elif kind == "type":
            subprocess.run(["xdotool", "type", "--delay", "8", arg], check=False)
            time.sleep(0.3)
        elif kind == "window":
            # The keyboard to another window (a dialog): there is no window
            # manager to give it.
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", arg],
                                   capture_output=True, text=True).stdout.split()
            for w in found[:1]:
                subprocess.run(["xdotool", "windowfocus", "--sync", w], check=False)
            time.sleep(0.3)
        elif kind == "focus":
            # Tab until a control of that role has the keyboard.
            for _ in range(40):
                f = focused(app)
                if f is not None and f.getRoleName() == arg:
                    break
                subprocess.run(["xdotool", "key", "--clearmodifiers", "Tab"], check=False)
                time.sleep(0.15)
            else:
                fail("steps", f"the keyboard never reached a {arg}")
        elif kind == "sleep":
            time.sleep(float(arg))
        elif kind == "rows":
            check_rows(arg, app)
        elif kind == "page":
            name, _, window = arg.partition("=")
            check_page(name, app, window or None)
    for f in failures:
        print("FAIL " + f)
    print(f"{len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
