"""Run by tests/ui/test_accessibility.py with the system Python that has pyatspi (not the venv):
reads jdeditor's window as a screen reader does, through AT-SPI, and prints JSON.

It finds the running jdeditor application, lists every showing, focusable control without an
accessible name (and the names of the named ones, each with its parent's), then ticks "State
the pay" through the check box's own accessibility action (as Orca or a switch user would) and
reports whether the pay boxes became enabled, which they do only when the posting itself
changed.

Arguments, for a window in another language: the pay check box's name and the minimum pay
box's name in it (default: the English "State the pay" and "Minimum pay").
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]


def find_application(name: str, seconds: float) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if child is not None and child.name == name and child.childCount:
                return child
        time.sleep(0.3)
    raise SystemExit(f"no application named {name} on the accessibility bus")


def walk(node: Any) -> list[Any]:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(
            child
            for child in (current.getChildAtIndex(i) for i in range(current.childCount))
            if child is not None
        )
    return found


def named(nodes: list[Any], name: str, role: str) -> Any:
    return next(n for n in nodes if n.name == name and n.getRoleName() == role)


def enabled(node: Any) -> bool:
    return bool(node.getState().contains(pyatspi.STATE_ENABLED))


def main(stated_name: str = "State the pay", minimum_name: str = "Minimum pay") -> int:
    app = find_application("jdeditor", 30)
    time.sleep(1.0)  # the form is built just after the first paint
    nodes = walk(app)
    unnamed: list[str] = []
    control_names: set[tuple[str, str]] = set()
    for node in nodes:
        states = node.getState()
        if states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_SHOWING):
            if (node.name or "").strip():
                control_names.add((node.name, node.parent.name or ""))
            else:
                unnamed.append(
                    f"{node.getRoleName()} under {node.parent.getRoleName()} '{node.parent.name}'"
                )
    stated = named(nodes, stated_name, "check box")
    minimum = named(nodes, minimum_name, "spin button")
    before = enabled(minimum)
    actions = stated.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    toggle = next(i for i, action in enumerate(names) if action in ("toggle", "Toggle", "press"))
    actions.doAction(toggle)
    time.sleep(0.8)
    after = enabled(minimum)
    checked = stated.getState().contains(pyatspi.STATE_CHECKED)
    json.dump(
        {
            "controls": len(nodes),
            "unnamed": unnamed,
            "names": sorted(control_names),
            "pay_box_actions": names,
            "pay_enabled_before": before,
            "pay_enabled_after": after,
            "pay_checked_after": bool(checked),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
