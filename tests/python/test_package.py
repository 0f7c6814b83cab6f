# SPDX-License-Identifier: Apache-2.0
"""The package teaches itself: ErrorCode, docstrings for help(ogi), type stubs and py.typed."""
import ast
import inspect
import pathlib
import unittest

import ogi
from ogi import _ogi

PACKAGE = pathlib.Path(ogi.__file__).resolve().parent


class ErrorCodes(unittest.TestCase):
    def test_error_code_mirrors_the_libraries_codes(self):
        self.assertEqual([(c.value, c.name.lower()) for c in ogi.ErrorCode], [tuple(c) for c in _ogi.error_codes()])

    def test_a_parse_error_carries_an_error_code(self):
        with self.assertRaises(ogi.ParseError) as cm:
            ogi.parse(b"\x00\x01\x02" * 100)
        self.assertIs(cm.exception.code, ogi.ErrorCode.NOT_TEXT)
        self.assertEqual(cm.exception.code, 2)  # an int too

    def test_bad_encoding_under_strict_is_its_code(self):
        with self.assertRaises(ogi.ParseError) as cm:
            ogi.parse("总计".encode() + b"\xff", strict=True)
        self.assertIs(cm.exception.code, ogi.ErrorCode.BAD_ENCODING)


class Docstrings(unittest.TestCase):
    def test_every_public_name_has_a_docstring(self):
        for name in ogi.__all__:
            if name == "__version__":
                continue
            thing = getattr(ogi, name)
            with self.subTest(name=name):
                self.assertTrue(inspect.getdoc(thing), name + " has no docstring")

    def test_every_public_method_of_report_has_a_docstring(self):
        for name, member in inspect.getmembers(ogi.Report, inspect.isfunction):
            if not name.startswith("_"):
                with self.subTest(name=name):
                    self.assertTrue(inspect.getdoc(member), "Report." + name + " has no docstring")

    def test_help_of_the_module_names_its_calls(self):
        text = inspect.getdoc(ogi)
        for call in ("parse_file", "parse_many", "to_frame", "check_across", "ErrorCode"):
            self.assertIn(call, text)


class Stubs(unittest.TestCase):
    def test_the_package_is_marked_typed(self):
        self.assertTrue((PACKAGE / "py.typed").is_file())

    def test_the_stubs_declare_every_public_name(self):
        tree = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))
        declared = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        declared |= {t.id for n in tree.body if isinstance(n, (ast.AnnAssign, ast.Assign))
                     for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
        self.assertEqual(sorted(set(ogi.__all__) - declared), [])

    def test_the_stubs_of_report_declare_its_public_methods(self):
        tree = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))
        report = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Report")
        declared = {n.name for n in report.body if isinstance(n, ast.FunctionDef)}
        public = {name for name, _ in inspect.getmembers(ogi.Report, inspect.isfunction) if not name.startswith("_")}
        self.assertEqual(sorted(public - declared), [])

    def test_the_extensions_stubs_declare_its_functions(self):
        tree = ast.parse((PACKAGE / "_ogi.pyi").read_text(encoding="utf-8"))
        declared = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        native = {name for name in dir(_ogi) if not name.startswith("__") and callable(getattr(_ogi, name))}
        self.assertEqual(sorted(native - declared), [])


if __name__ == "__main__":
    unittest.main()
