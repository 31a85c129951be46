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
