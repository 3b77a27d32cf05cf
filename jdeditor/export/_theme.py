"""The document theme: the fonts and colours Word's theme-aware styles and pickers use.

Word always writes a theme part, and the Office schema wants a document to have one; ours
names the type spec's fonts and accent so that Word's "theme colours" and "theme fonts" offer
the posting's own look. ``theme_colours`` reads a company template's theme back, so styles we
add to it can follow the company's accent instead of ours.
"""

from __future__ import annotations

from lxml import etree

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def theme_xml(*, accent: str, ink: str, muted: str, latin_font: str, east_asian_font: str) -> str:
    """A complete DrawingML theme (``word/theme/theme1.xml``) for the given type spec."""
    colours = {
        "dk2": ink,
        "lt2": "F2F4F7",
        "accent1": accent,
        "accent2": "C0504D",
        "accent3": "4F8A3C",
        "accent4": "7F5FA8",
        "accent5": "2E8FA3",
        "accent6": "D9822B",
        "hlink": accent,
        "folHlink": muted,
    }
    scheme = (
        '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
        + "".join(f'<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>' for name, rgb in colours.items())
    )
    fonts = (
        f'<a:latin typeface="{latin_font}"/><a:ea typeface="{east_asian_font}"/><a:cs typeface=""/>'
    )
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = (
        '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">'
        f'{solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<a:theme xmlns:a="{_A}" name="jdeditor">'
        f'<a:themeElements><a:clrScheme name="jdeditor">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="jdeditor"><a:majorFont>{fonts}</a:majorFont>'
        f"<a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
        '<a:fmtScheme name="jdeditor">'
        f"<a:fillStyleLst>{solid * 3}</a:fillStyleLst>"
        f"<a:lnStyleLst>{''.join(line.format(w=w) for w in (6350, 12700, 19050))}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}"
        "</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst>"
        "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


def theme_colours(theme: bytes) -> dict[str, str]:
    """A theme part's scheme colours as hex ('accent1' → '4472C4'); {} for an unusable part."""
    try:
        root = etree.fromstring(theme, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    colours: dict[str, str] = {}
    scheme = root.find(f"{{{_A}}}themeElements/{{{_A}}}clrScheme")
    for slot in scheme if scheme is not None else ():
        if not isinstance(slot.tag, str):
            continue
        name = etree.QName(slot).localname
        value = next(iter(slot), None)
        rgb = None
        if value is not None:
            rgb = value.get("val") if value.tag == f"{{{_A}}}srgbClr" else value.get("lastClr")
        if rgb and len(rgb) == 6 and all(c in "0123456789abcdefABCDEF" for c in rgb):
            colours[name] = rgb.upper()
    return colours
