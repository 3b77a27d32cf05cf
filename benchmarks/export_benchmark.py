"""Word export speed, as ratios against baselines measured in the same run.

In-process, per built-in preset: ``render_docx`` against a naive python-docx export of the same
content (``Document()``, ``add_heading``, ``add_paragraph(style="List Bullet")``, save).
Whole-process: one ``jdeditor export --all-presets`` against four ``pandoc`` markdown → docx
runs of the same content (skipped where pandoc is not installed).

Goal: in-process export ≤ 0.35× the naive baseline. Run: ``python benchmarks/export_benchmark.py``
(``--quick`` for fewer repetitions). Not a test: shared machines are too noisy for timing asserts.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import docx

from jdeditor.export.docx import render_docx
from jdeditor.library import PresetLibrary
from jdeditor.outline import Bullets, Outline, build_outline

GOAL = 0.35


def naive_docx(outline: Outline) -> bytes:
    """What a first python-docx script writes for the same content."""
    document = docx.Document()
    document.add_heading(outline.title, level=0)
    if outline.meta:
        document.add_paragraph(" · ".join(outline.meta), style="Subtitle")
    if outline.pay:
        document.add_paragraph(outline.pay)
    for section in outline.sections:
        document.add_heading(section.heading, level=1)
        for block in section.blocks:
            if isinstance(block, Bullets):
                for item in block.items:
                    document.add_paragraph(item, style="List Bullet")
            else:
                document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def markdown(outline: Outline) -> str:
    lines = [f"# {outline.title}", "", " · ".join(outline.meta), "", outline.pay, ""]
    for section in outline.sections:
        lines += [f"## {section.heading}", ""]
        for block in section.blocks:
            if isinstance(block, Bullets):
                lines += [f"- {item}" for item in block.items]
            else:
                lines.append(block.text)
            lines.append("")
    return "\n".join(lines)


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches and imports, as a long-running app would have them
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def whole_process(command: list[list[str]], repeat: int) -> float:
    def run_all() -> None:
        for argv in command:
            subprocess.run(argv, check=True, capture_output=True)

    return median_seconds(run_all, repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat_in, repeat_out = (15, 3) if args.quick else (60, 7)

    with tempfile.TemporaryDirectory() as scratch:
        library = PresetLibrary(user_dir=Path(scratch) / "no-user-presets")
        presets = library.list_presets().presets
        print(f"In-process, median of {repeat_in} runs (ms):")
        print(f"{'preset':<12} {'jdeditor':>9} {'naive':>9} {'ratio':>7}")
        ratios = []
        for preset in presets:
            outline = build_outline(preset.document)
            ours = median_seconds(partial(render_docx, outline), repeat_in)
            naive = median_seconds(partial(naive_docx, outline), repeat_in)
            ratios.append(ours / naive)
            print(f"{preset.name:<12} {ours * 1e3:9.2f} {naive * 1e3:9.2f} {ours / naive:6.2f}×")
        worst = max(ratios)
        verdict = "meets" if worst <= GOAL else "MISSES"
        print(f"worst ratio {worst:.2f}× — {verdict} the goal of ≤ {GOAL}×\n")

        out = Path(scratch) / "out"
        jdeditor = [sys.executable, "-m", "jdeditor", "export", "--all-presets", "-d", str(out)]
        ours_total = whole_process([jdeditor], repeat_out)
        print(f"Whole-process, median of {repeat_out} runs (s):")
        print(f"jdeditor export --all-presets (4 presets, 1 process): {ours_total:.3f}")
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print("pandoc is not installed: no pandoc baseline this run")
            return 0
        commands = []
        for preset in presets:
            source = Path(scratch) / f"{preset.name}.md"
            source.write_text(markdown(build_outline(preset.document)), encoding="utf-8")
            commands.append([pandoc, str(source), "-o", str(source.with_suffix(".docx"))])
        pandoc_total = whole_process(commands, repeat_out)
        print(f"pandoc markdown → docx (4 processes):                {pandoc_total:.3f}")
        print(f"ratio {ours_total / pandoc_total:.2f}× pandoc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
