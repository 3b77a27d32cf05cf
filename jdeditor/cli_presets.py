"""``jdeditor presets …``: list, show and publish presets and list their sources.

Every word in the user's language (``cli.main`` chose it); ``--json`` keeps keys and codes in
English.
"""

from __future__ import annotations

import argparse
import json
import sys

from jdeditor import preset_sources
from jdeditor._text import columns, pad, printable
from jdeditor.checks import say
from jdeditor.checks._message import Listing
from jdeditor.export.text import render_text
from jdeditor.i18n import N_
from jdeditor.library import (
    PresetKind,
    PresetLibrary,
    PresetListing,
    Published,
    TeamPresetExistsError,
)
from jdeditor.outline import build_outline

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_KINDS = {
    PresetKind.BUILT_IN: N_("built-in"),
    PresetKind.USER: N_("user"),
    PresetKind.TEAM: N_("team"),
}
_OUTCOMES = {
    Published.CREATED: N_("created"),
    Published.REPLACED: N_("replaced"),
    Published.CONFLICT_COPY: N_("conflict copy"),
}


def run(library: PresetLibrary, args: argparse.Namespace) -> int:
    """The ``presets`` sub-command named in ``args.preset_command``."""
    match args.preset_command:
        case "list":
            return _list_presets(library, as_json=args.json)
        case "show":
            return _show_preset(library, args.name)
        case "publish":
            return _publish(library, args.name, args.team, replace=args.replace)
        case _:
            return _list_sources(library, as_json=args.json)


def _list_presets(library: PresetLibrary, *, as_json: bool) -> int:
    """NAME, KIND and TITLE; with team folders, SOURCE instead of KIND ('built-in', 'user',
    'team:Support team': SOURCE/NAME finds a preset whatever other sources hold)."""
    listing = library.list_presets()
    if as_json:
        json.dump(_listing_json(listing), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        name, title = say(N_("NAME")), say(N_("TITLE"))
        width = max(columns(text) for text in [name, *(printable(p.name) for p in listing.presets)])
        if listing.teams():
            header = say(N_("SOURCE"))
            labels = [_source_label(p.source, p.kind) for p in listing.presets]
        else:
            header = say(N_("KIND"))
            labels = [say(_KINDS[p.kind]) for p in listing.presets]
        column = max(columns(label) for label in [*labels, header])
        print(f"{pad(name, width)}  {pad(header, column)}  {title}")
        for preset, label in zip(listing.presets, labels, strict=True):
            text = printable(preset.document.title)
            if preset.conflict_of is not None:
                copy = say(N_("(conflicting copy of “{name}”)"), name=preset.conflict_of)
                text += "  " + printable(copy)
            print(f"{pad(printable(preset.name), width)}  {pad(label, column)}  {text}")
    for skipped in listing.skipped:
        _warn(say(N_("skipped {file}"), file=str(skipped)))
    return EXIT_OK


def _warn(message: str) -> None:
    """``jdeditor: warning: …`` on standard error, in the user's language."""
    print(printable(say(N_("jdeditor: warning: {message}"), message=message)), file=sys.stderr)


def _source_label(source: preset_sources.PresetSource | None, kind: PresetKind) -> str:
    """'built-in' and 'user' in the user's language; a team's 'team:Support team' as it is,
    since it is what SOURCE/NAME is typed with."""
    if source is not None and source.kind is PresetKind.TEAM:
        return printable(source.label)
    return say(_KINDS[kind])


def _listing_json(listing: PresetListing) -> dict[str, object]:
    """Team presets carry their ``source`` and ``conflict_of``; built-in and user presets are
    as they always were (their ``kind`` is their source)."""
    presets: list[dict[str, object]] = []
    for preset in listing.presets:
        entry: dict[str, object] = {
            "name": preset.name,
            "kind": str(preset.kind),
            "read_only": preset.read_only,
            "title": preset.document.title,
            "path": printable(str(preset.path)),
        }
        if preset.source is not None:
            entry |= {"source": preset.source.label, "conflict_of": preset.conflict_of}
        presets.append(entry)
    return {
        "presets": presets,
        "skipped": [
            {"path": printable(str(skipped.path)), "reason": printable(skipped.reason)}
            for skipped in listing.skipped
        ],
        "sources": [
            {
                "source": source.label,
                "folder": printable(str(source.folder)),
                "writable": source.writable,
                "available": source.available,
                "note": printable(source.note),
            }
            for source in listing.sources
        ],
    }


def _list_sources(library: PresetLibrary, *, as_json: bool) -> int:
    listing = library.list_presets()
    if as_json:
        json.dump(_listing_json(listing)["sources"], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    labels = [_source_label(source, source.kind) for source in listing.sources]
    unavailable, writable, read_only = (
        say(N_("unavailable")),
        say(N_("writable")),
        say(N_("read-only")),
    )
    access = [
        unavailable if not source.available else writable if source.writable else read_only
        for source in listing.sources
    ]
    source_header, access_header = say(N_("SOURCE")), say(N_("ACCESS"))
    width = max(columns(text) for text in [source_header, *labels])
    # As wide as its widest word, whichever this listing shows: the column stays put.
    access_width = max(columns(text) for text in [access_header, unavailable, writable, read_only])
    folder_header = say(N_("FOLDER"))
    print(f"{pad(source_header, width)}  {pad(access_header, access_width)}  {folder_header}")
    for source, label, can in zip(listing.sources, labels, access, strict=True):
        folder = str(source.folder)
        if source.note:
            folder = say(N_("{folder} ({note})"), folder=folder, note=source.note)
        print(f"{pad(label, width)}  {pad(can, access_width)}  {printable(folder)}")
    return EXIT_OK


def _publish(library: PresetLibrary, name: str, team: str | None, *, replace: bool) -> int:
    if team is None:
        writable = [s.name for s in library.list_presets().teams() if s.writable]
        if len(writable) != 1:
            choices = say(Listing(writable)) if writable else say(N_("none is configured"))
            message = say(
                N_("jdeditor: presets publish: name the team folder with --to ({choices})"),
                choices=choices,
            )
            print(printable(message), file=sys.stderr)
            return EXIT_USAGE
        team = writable[0]
    try:
        publication = library.publish(name, team)
    except TeamPresetExistsError as error:
        if not replace:
            message = say(N_("jdeditor: {reason} Use --replace to replace it."), reason=str(error))
            print(printable(message), file=sys.stderr)
            return EXIT_PROBLEMS
        # What is there now may be what someone else published a moment ago, not what the
        # user meant to replace: it is replaced, but kept as a conflict copy unless the same.
        publication = library.publish(name, team, replace=error.version, keep_replaced=True)
    preset = publication.preset
    if publication.kept is not None:
        _warn(
            say(
                N_("the version it replaced is kept beside it as {path}; delete it once unneeded"),
                path=str(publication.kept),
            )
        )
    if publication.leftover is not None:
        _warn(
            say(
                N_("the version it replaced could not be removed: {path}; remove it yourself"),
                path=str(publication.leftover),
            )
        )
    if publication.outcome is Published.CONFLICT_COPY:
        _warn(
            say(
                N_(
                    "someone else published “{name}” in “{team}” at the same time; theirs is "
                    "kept, and yours is saved as “{copy}”"
                ),
                name=preset.conflict_of or "",
                team=team,
                copy=preset.name,
            )
        )
    outcome = say(_OUTCOMES[publication.outcome])
    print(printable(say(N_("{outcome}: {path}"), outcome=outcome, path=str(preset.path))))
    return EXIT_OK


def _show_preset(library: PresetLibrary, name: str) -> int:
    listing = library.list_presets()
    preset = listing.find(name)
    if preset is None:
        names = say(Listing(preset.name for preset in listing.presets))
        message = say(
            N_("jdeditor: there is no preset named “{name}”; presets: {names}"),
            name=name,
            names=names,
        )
        print(printable(message), file=sys.stderr)
        return EXIT_PROBLEMS
    sys.stdout.write(render_text(build_outline(preset.document)))
    return EXIT_OK
