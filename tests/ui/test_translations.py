"""The Chinese translation: complete for the live window's texts, placeholders kept, .qm loads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from ui import i18n

# Contexts of the live supervision window (other panels keep their own strings complete).
CONTEXTS = {"CommLogView", "Computers", "ComputersView", "Demo", "GantryTree", "MainWindow",
            "Schematic", "SchematicPage", "Severity", "StatusBar", "Text"}


def _messages():
    root = ET.parse(i18n.ts_path("zh_CN")).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            yield name, m.findtext("source"), m.find("translation")


def test_live_window_texts_are_all_translated_with_their_placeholders():
    seen = 0
    for context, source, translation in _messages():
        if context not in CONTEXTS:
            continue
        seen += 1
        assert translation.get("type") != "unfinished", f"{context}: {source!r} untranslated"
        assert translation.text and re.search(r"[\u4e00-\u9fff]", translation.text), source
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation.text)), \
            f"{context}: {source!r} -> {translation.text!r} changes the placeholders"
    assert seen > 100


def test_compiled_translation_loads_and_translates(qapp):
    qm = i18n.ensure_qm("zh_CN")
    assert qm is not None
    t = QTranslator()
    assert t.load(str(qm))
    assert t.translate("Schematic", "Front door") == "前门"
    assert t.translate("Text", "read failed") == "读取失败"
    assert t.translate("MainWindow", "Cabinet schematic") == "机柜示意图"


# -- every visible string of ui/ (issue 9) ---------------------------------------------------

def _cjk(s: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", s))


def _translation_text(message) -> str:
    t = message.find("translation")
    if message.get("numerus") == "yes":
        return "".join(f.text or "" for f in t.iter("numerusform"))
    return t.text or ""


def test_every_visible_string_in_ui_is_translated_to_chinese():
    from ui.i18n_sources import collect, read_ts

    sources = collect()
    assert not sources.problems, "untranslatable tr()/translate() calls:\n" + "\n".join(
        sources.problems)
    assert len(sources.messages) > 500  # the scan still finds the panels' strings
    have = read_ts(i18n.ts_path("zh_CN"))
    missing, unfinished, bad = [], [], []
    for (context, source), where in sorted(sources.messages.items()):
        m = have.get((context, source))
        if m is None:
            missing.append(f"{where}: {context}: {source!r}")
            continue
        t = m.find("translation")
        text = _translation_text(m)
        if t.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            unfinished.append(f"{where}: {context}: {source!r}")
        elif _cjk(source + text) is False and re.search(r"[A-Za-z]{3}", source) and \
                text == source and source not in {"100%"}:
            bad.append(f"{where}: {context}: {source!r} left in English")
        elif sorted(re.findall(r"%(?:\d|n)", source)) != sorted(re.findall(r"%(?:\d|n)", text)):
            bad.append(f"{where}: {context}: {source!r} -> {text!r} changes the placeholders")
    hint = "\n(run `uv run python -m ui.i18n_sources --update`, translate, then pyside6-lrelease)"
    assert not missing, "missing from the zh_CN .ts:\n" + "\n".join(missing) + hint
    assert not unfinished, "untranslated in zh_CN:\n" + "\n".join(unfinished) + hint
    assert not bad, "\n".join(bad)


def test_the_scan_catches_what_lupdate_misses(tmp_path):
    """Wrapper calls, tables, loop variables and f-strings are all seen (guards the scanner)."""
    from ui.i18n_sources import collect

    (tmp_path / "panel.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _t(text):\n"
        "    return QCoreApplication.translate('Panel', text)\n"
        "NAMES = {1: 'first word', 2: 'second word'}\n"
        "RANGES = (('1 h', 3600), ('1 d', 86400))\n"
        "class Panel:\n"
        "    COLUMNS = ('Time', 'Gantry')\n"
        "    def build(self, n):\n"
        "        self.tr('plain')\n"
        "        _t('wrapped')\n"
        "        _t(NAMES[n])\n"
        "        _t(self.COLUMNS[n])\n"
        "        for name, _span in RANGES:\n"
        "            _t(name)\n"
        "        self.tr(f'bad {n}')\n"
        "        _t(str(n))\n", encoding="utf-8")
    found = collect(tmp_path)
    assert set(found.messages) == {
        ("Panel", "plain"), ("Panel", "wrapped"), ("Panel", "first word"),
        ("Panel", "second word"), ("Panel", "Time"), ("Panel", "Gantry"), ("Panel", "1 h"),
        ("Panel", "1 d")}
    assert len(found.problems) == 2
    assert "f-string" in found.problems[0] and "not marked" in found.problems[1]


def test_compiled_translation_is_up_to_date_with_the_ts(qapp):
    """Every finished message of the .ts translates through the committed .qm (a stale .qm,
    compiled before the last translations, fails here)."""
    from ui.i18n_sources import read_ts

    t = QTranslator()
    assert t.load(str(i18n.qm_path("zh_CN")))
    stale = []
    for (context, source), m in read_ts(i18n.ts_path("zh_CN")).items():
        tr = m.find("translation")
        if tr.get("type") or m.get("numerus") == "yes":
            continue
        if t.translate(context, source) != (tr.text or ""):
            stale.append(f"{context}: {source!r}")
    assert not stale, "the .qm is older than the .ts:\n" + "\n".join(stale[:20])
