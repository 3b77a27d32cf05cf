"""The batch a team actually has: 100 postings exported to every format in one process, against
one pandoc run per posting and format (the per-file baseline), in the same run; then how many
postings per second the importer reads back, per format.

Goal (issue 12): the one-process export ≤ 0.2× the per-file baseline. pandoc has no JSON-LD and
makes PDF only through LaTeX (not installed here), so the baseline covers docx, html, md and
txt, while jdeditor's run writes all six formats: the ratio is against less work, not more.
Run: ``python benchmarks/formats_benchmark.py [COUNT]`` (needs pandoc on PATH).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jdeditor.export.formats import FORMATS
from jdeditor.library import PresetLibrary

PANDOC_FORMATS = {"docx": "docx", "html": "html", "md": "commonmark", "txt": "plain"}


def _postings(folder: Path, count: int) -> list[Path]:
    presets = [p.document for p in PresetLibrary().list_presets().presets]
    paths = []
    for number in range(count):
        base = presets[number % len(presets)]
        document = base.model_copy(update={"title": f"{base.title} {number + 1}"})
        path = folder / f"posting-{number + 1:03}.jd.json"
        path.write_text(document.to_json(), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not on PATH: the baseline cannot run", file=sys.stderr)
        return 1
    jdeditor = Path(sys.executable).with_name("jdeditor")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        env = {**os.environ, "XDG_DATA_HOME": str(root / "data"), "QT_QPA_PLATFORM": "offscreen"}
        sources = _postings(root, count)
        out = root / "out"
        start = time.perf_counter()
        subprocess.run(
            [
                str(jdeditor),
                "export",
                *map(str, sources),
                "-d",
                str(out),
                "--format",
                ",".join(FORMATS),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        ours = time.perf_counter() - start
        written = len(list(out.iterdir()))
        markdown = [out / source.name.replace(".jd.json", ".md") for source in sources]
        baseline_dir = root / "pandoc"
        baseline_dir.mkdir()
        start = time.perf_counter()
        for source in markdown:
            for suffix, target in PANDOC_FORMATS.items():
                subprocess.run(
                    [
                        pandoc,
                        "-f",
                        "commonmark",
                        "-t",
                        target,
                        "-s",
                        str(source),
                        "-o",
                        str(baseline_dir / f"{source.stem}.{suffix}"),
                    ],
                    check=True,
                    env=env,
                    stderr=subprocess.DEVNULL,
                )
        baseline = time.perf_counter() - start
        runs = len(markdown) * len(PANDOC_FORMATS)
        print(f"{count} postings")
        print(f"jdeditor, one process, {len(FORMATS)} formats: {ours:6.2f} s ({written} files)")
        print(f"pandoc, one run per posting and format:  {baseline:6.2f} s ({runs} files)")
        ratio = ours / baseline
        verdict = "meets" if ratio <= 0.2 else "MISSES"
        print(f"ratio {ratio:.3f}×: {verdict} the goal of ≤ 0.2×")
        _imports(out, sources)
    return 0


def _imports(out: Path, sources: list[Path]) -> None:
    try:
        from jdeditor.importer import import_posting  # noqa: PLC0415
    except ImportError:
        print("importer not available: imports not measured")
        return
    print("imports per second (in-process):")
    for chosen in FORMATS.values():
        if chosen.name == "pdf":  # not imported: a PDF's text is refused with what to do
            continue
        files = [out / source.name.replace(".jd.json", chosen.suffix) for source in sources]
        start = time.perf_counter()
        for path in files:
            import_posting(path)
        elapsed = time.perf_counter() - start
        print(f"  {chosen.name:<7} {len(files) / elapsed:8.0f} /s")


if __name__ == "__main__":
    sys.exit(main())
