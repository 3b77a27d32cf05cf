"""The README's set-up commands stay true: CI runs exactly the test command it shows."""

from __future__ import annotations

from tests.conftest import REPO


def _command_after(comment: str) -> str:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    return lines[lines.index(comment) + 1]


def test_ci_runs_the_readme_test_command() -> None:
    command = _command_after("# install and run the tests (lint, types, then pytest)")
    assert "pytest" in command
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_app_command_installs_without_editable_mode() -> None:
    command = _command_after("# install and run the app")
    assert "pip install . " in command and command.endswith("jdeditor")


def test_readme_names_every_system_library_the_window_needs() -> None:
    from jdeditor.ui._platform import XCB_LIBRARIES

    command = _command_after("```sh")
    assert command.startswith("sudo apt install ")
    assert sorted(set(command.split()[3:])) == sorted({lib.debian_package for lib in XCB_LIBRARIES})


def test_readme_stands_alone_in_a_clone() -> None:
    """A clone has no ../shared: the README points into the repository only."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in text
    for link in ("docs/architecture.md", ".ci/run", ".ci/smoke_window.sh"):
        assert link in text and (REPO / link).exists()
