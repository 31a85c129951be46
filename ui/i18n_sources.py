"""Every user-visible source string of ui/, found by reading the code (no Qt needed).

pyside6-lupdate misses strings passed through small wrappers (`_t("...")` that calls
`QCoreApplication.translate("Ctx", text)`) and texts kept in tables (`COLUMNS[i]`). This finds
them all: tr() / translate() / QT_TRANSLATE_NOOP literals, wrapper calls, table lookups, loop
variables over tables, and the metric catalogue the trend panel translates. Anything that cannot
be known statically (a tr() of an f-string, a translate() of a computed value with no marked
source) is reported, so the translation test can fail on it.

    uv run python -m ui.i18n_sources            # list what is missing from the zh_CN .ts
    uv run python -m ui.i18n_sources --update   # add missing sources (unfinished), mark vanished
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

UI = Path(__file__).resolve().parent
TS = UI.parent / "resources" / "translations" / "gantry_monitor_zh_CN.ts"


@dataclass
class Sources:
    messages: dict[tuple[str, str], str] = field(default_factory=dict)  # (context, text) -> where
    problems: list[str] = field(default_factory=list)  # untranslatable calls, with their place


def _text(node: ast.AST | None) -> str | None:
    """A literal string, also "a" "b" and "a" + "b"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _strings(node: ast.AST, values_only: bool = True) -> list[str]:
    """String literals inside a table literal (a dict's values, a list / tuple's items)."""
    if isinstance(node, ast.Dict):
        out = []
        for v in node.values:
            out += _strings(v, values_only)
        return out
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        out = []
        for v in node.elts:
            out += _strings(v, values_only)
        return out
    if isinstance(node, ast.Call) and _name(node.func) in ("QT_TRANSLATE_NOOP", "QT_TR_NOOP"):
        s = _text(node.args[-1]) if node.args else None
        return [s] if s is not None else []
    s = _text(node)
    return [s] if s is not None else []


def _marked(node: ast.AST) -> list[str]:
    """Only the QT_TRANSLATE_NOOP texts of a table (its keys are names, not words)."""
    out = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _name(sub.func) in ("QT_TRANSLATE_NOOP", "QT_TR_NOOP"):
            s = _text(sub.args[-1]) if sub.args else None
            out += [s] if s is not None else []
    return out


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _catalogue(context: str) -> list[str] | None:
    """Texts that come from app/ tables and are translated by the UI."""
    if context == "Metric":
        from app.history.catalogue import KIND_LABELS, METRICS

        return list(KIND_LABELS.values()) + [m.label for m in METRICS]
    if context == "Unit":
        from app.history.catalogue import WORD_UNITS

        return sorted(WORD_UNITS)
    return None


class _Module(ast.NodeVisitor):
    def __init__(self, path: Path, out: Sources, root: Path = UI):
        self.path = path
        self.rel = path.relative_to(root.parent).as_posix()
        self.out = out
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.classes: list[str] = []
        self.functions: list[ast.FunctionDef] = []
        self.tables: dict[str, ast.AST] = {}  # NAME / Class.NAME -> table literal
        self.loops: list[dict[str, ast.AST]] = []  # loop variables in scope -> their table
        self.wrappers: dict[str, str] = {}  # function name -> translation context
        self.instances: dict[str, str] = {}  # variable / attribute -> class it was made from
        self.noop_contexts: set[str] = set()
        self._index()

    def _index(self) -> None:
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name) and node.value is not None:
                        self.tables[t.id] = node.value
                    # viewer = MediaViewer(...) / self.view = AlarmView(...): viewer.tr() is
                    # translated in the MediaViewer context.
                    if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) \
                            and isinstance(t, (ast.Name, ast.Attribute)):
                        key = t.id if isinstance(t, ast.Name) else t.attr
                        self.instances[key] = node.value.func.id
            elif isinstance(node, ast.FunctionDef) and node.args.args:
                param = node.args.args[0].arg
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call) and _name(sub.func) == "translate" \
                            and len(sub.args) >= 2 and _text(sub.args[0]) is not None \
                            and isinstance(sub.args[1], ast.Name) and sub.args[1].id == param:
                        self.wrappers[node.name] = _text(sub.args[0]) or ""
            elif isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP":
                ctx = _text(node.args[0]) if node.args else None
                if ctx:
                    self.noop_contexts.add(ctx)

    def add(self, context: str, text: str, node: ast.AST) -> None:
        if not text.strip():
            return  # an empty column title: nothing to translate
        self.out.messages.setdefault((context, text), f"{self.rel}:{node.lineno}")

    def problem(self, node: ast.AST, why: str) -> None:
        self.out.problems.append(f"{self.rel}:{node.lineno}: {why}: {ast.unparse(node)[:90]}")

    def _loop_source(self, name: str) -> ast.AST | None:
        for scope in reversed(self.loops):
            if name in scope:
                return scope[name]
        return None

    def _resolve(self, node: ast.AST | None) -> list[ast.AST]:
        """The table literal(s) a name, self.NAME or a parameter stands for."""
        if isinstance(node, (ast.Dict, ast.List, ast.Tuple)):
            return [node]
        if isinstance(node, ast.Attribute):  # self.COLUMNS: this class's table first
            key = f"{self.classes[-1]}.{node.attr}" if self.classes else ""
            if key in self.tables:
                return [self.tables[key]]
            node = ast.Name(node.attr)
        if not isinstance(node, ast.Name):
            return []
        if node.id in self.tables:
            return [self.tables[node.id]]
        f = self.functions[-1] if self.functions else None
        params = [a.arg for a in f.args.args] if f else []
        if f is not None and node.id in params:  # battery_words(TABLE, v): every caller's table
            i = params.index(node.id)
            out: list[ast.AST] = []
            for call in ast.walk(self.tree):
                if isinstance(call, ast.Call) and _name(call.func) == f.name \
                        and len(call.args) > i and isinstance(call.args[i], ast.Name):
                    out += [self.tables[call.args[i].id]] if call.args[i].id in self.tables else []
            return out
        return []

    def _tables_of(self, arg: ast.AST) -> list[ast.AST]:
        if isinstance(arg, ast.Subscript):
            return self._resolve(arg.value)
        if isinstance(arg, ast.Name):
            source = self._loop_source(arg.id)
            if source is not None:
                return self._resolve(source)
        return []

    def _bind(self, target: ast.AST, it: ast.AST) -> dict[str, ast.AST]:
        if isinstance(it, ast.Call) and _name(it.func) in ("enumerate", "sorted", "reversed") \
                and it.args:
            it = it.args[0]
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) \
                and it.func.attr in ("items", "values"):
            it = it.func.value
        return {t.id: it for t in ast.walk(target) if isinstance(t, ast.Name)}

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        self.loops.append(self._bind(node.target, node.iter))
        for stmt in node.body + node.orelse:
            self.visit(stmt)
        self.loops.pop()

    def _visit_comprehension(self, node: ast.AST) -> None:
        gens = node.generators  # type: ignore[attr-defined]
        scope: dict[str, ast.AST] = {}
        for g in gens:
            self.visit(g.iter)
            scope.update(self._bind(g.target, g.iter))
        self.loops.append(scope)
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.comprehension):
                self.visit(child)
        for g in gens:
            for cond in g.ifs:
                self.visit(cond)
        self.loops.pop()

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _visit_comprehension

    def _dynamic(self, context: str, arg: ast.AST, call: ast.Call) -> None:
        if isinstance(arg, ast.JoinedStr):
            self.problem(call, "an f-string cannot be translated (use %1 and .replace)")
            return
        tables = self._tables_of(arg)
        marked = [t for table in tables for t in _marked(table)]
        texts = marked or [t for table in tables for t in _strings(table)]
        if texts:
            for t in texts:
                self.add(context, t, call)
            return
        catalogue = _catalogue(context)
        if catalogue is not None:
            for t in catalogue:
                self.add(context, t, call)
            return
        if context in self.noop_contexts:
            return  # its texts are marked with QT_TRANSLATE_NOOP in this module
        self.problem(call, "translates a computed text whose sources are not marked")

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        for stmt in node.body:  # class-level tables (COLUMNS = (...))
            if isinstance(stmt, ast.Assign):
                for t in stmt.targets:
                    if isinstance(t, ast.Name):
                        self.tables[f"{node.name}.{t.id}"] = stmt.value
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            ctx = _text(node.args[0])
            if ctx is None:
                self.problem(node, "the translation context is not a literal")
            else:
                text = _text(node.args[1])
                if text is not None:
                    self.add(ctx, text, node)
                elif name == "translate" and not self._in_wrapper(node.args[1]):
                    self._dynamic(ctx, node.args[1], node)
        elif name in ("tr", "QT_TR_NOOP") and node.args:
            ctx = self._tr_context(node.func)
            text = _text(node.args[0])
            if ctx is None:
                self.problem(node, "cannot tell which class this tr() belongs to")
            elif text is not None:
                self.add(ctx, text, node)
            else:
                self._dynamic(ctx, node.args[0], node)
        elif isinstance(node.func, ast.Name) and name in self.wrappers and node.args:
            ctx = self.wrappers[name]
            text = _text(node.args[0])
            if text is not None:
                self.add(ctx, text, node)
            else:
                self._dynamic(ctx, node.args[0], node)
        self.generic_visit(node)

    def _tr_context(self, func: ast.AST) -> str | None:
        """self.tr -> the enclosing class; other.tr -> the class `other` was made from."""
        if isinstance(func, ast.Attribute) and not (
                isinstance(func.value, ast.Name) and func.value.id in ("self", "cls")):
            owner = func.value
            key = owner.id if isinstance(owner, ast.Name) else \
                owner.attr if isinstance(owner, ast.Attribute) else None
            return self.instances.get(key or "")
        return self.classes[-1] if self.classes else None

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    def _in_wrapper(self, arg: ast.AST) -> bool:
        """`return QCoreApplication.translate("Ctx", text)` inside the wrapper itself."""
        f = self.functions[-1] if self.functions else None
        return (f is not None and f.name in self.wrappers and isinstance(arg, ast.Name)
                and bool(f.args.args) and arg.id == f.args.args[0].arg)


def collect(root: Path = UI) -> Sources:
    out = Sources()
    for path in sorted(root.rglob("*.py")):
        if path.name == Path(__file__).name:
            continue
        module = _Module(path, out, root)
        module.visit(module.tree)
    return out


# -- the .ts file ----------------------------------------------------------------------------

def read_ts(path: Path = TS, root: ET.Element | None = None) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot() if root is None else root
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            out[(name, m.findtext("source") or "")] = m
    return out


def update_ts(path: Path = TS, sources: Sources | None = None) -> tuple[int, int]:
    """Add missing sources as unfinished, mark vanished ones; returns (added, vanished)."""
    sources = sources or collect()
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    have = read_ts(path, root)
    added = vanished = 0
    for (ctx, text), where in sorted(sources.messages.items()):
        if (ctx, text) in have:
            t = have[(ctx, text)].find("translation")
            if t is not None and t.get("type") in ("vanished", "obsolete"):
                t.attrib.pop("type")
            continue
        c = contexts.get(ctx)
        if c is None:
            c = ET.SubElement(root, "context")
            ET.SubElement(c, "name").text = ctx
            contexts[ctx] = c
        m = ET.SubElement(c, "message")
        file, _, line = where.rpartition(":")
        ET.SubElement(m, "location", filename="../../" + file, line=line)
        ET.SubElement(m, "source").text = text
        ET.SubElement(m, "translation", type="unfinished")
        added += 1
    for key, m in have.items():
        t = m.find("translation")
        if key not in sources.messages and t is not None and t.get("type") != "vanished":
            t.set("type", "vanished")
            vanished += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return added, vanished


def main(argv: list[str]) -> int:
    sources = collect()
    for p in sources.problems:
        print("problem:", p)
    if "--update" in argv:
        added, vanished = update_ts(TS, sources)
        print(f"{TS.name}: {added} added, {vanished} marked vanished")
        return 0
    have = read_ts()
    missing = [k for k in sources.messages if k not in have]
    for ctx, text in missing:
        print(f"missing: {ctx}: {text!r}")
    return 1 if missing or sources.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
