# SPDX-License-Identifier: Apache-2.0
# Type stubs of the ogi package (PEP 561: installed with py.typed beside them).
import decimal
import enum
import os
from typing import Any, Iterable, Iterator, NamedTuple, Optional, Union

__all__ = ["parse", "parse_file", "parse_many", "check", "check_across", "to_frame", "Report", "Cell",
           "ParseError", "ErrorCode", "__version__"]

__version__: str

Value = Union[int, decimal.Decimal, None]
"""A cell's value: exact (int or decimal.Decimal, never float); None for a blank cell."""
Diagnostic = dict[str, Any]
"""code, severity, message; table, row, column when it speaks of one; line, begin, end."""
PathLike = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]

class ErrorCode(enum.IntEnum):
    OK = 0
    IO = 1
    NOT_TEXT = 2
    BAD_ENCODING = 3
    TOO_LARGE = 4
    BAD_OPTION = 5
    BAD_DOCUMENT = 6
    UNSUPPORTED = 7
    OUT_OF_MEMORY = 8

class ParseError(ValueError):
    code: Union[ErrorCode, int]
    offset: int
    path: str  # set by parse_many(errors="return") only
    def __init__(self, code: int, message: str, offset: int) -> None: ...

class Cell(NamedTuple):
    table: str
    row: str
    column: str
    value: Value
    raw: str
    line: int
    begin: int
    end: int

class Report:
    path: Optional[str]
    template: str
    encoding: str
    format: str
    metadata: dict[str, Any]
    sections: list[dict[str, Any]]
    diagnostics: list[Diagnostic]
    tables: dict[str, Optional[dict[str, dict[str, Value]]]]
    table_status: dict[str, Optional[str]]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, pretty: bool = True) -> str: ...
    def text(self, begin: int, end: int) -> bytes: ...
    def text_utf8(self, begin: int, end: int) -> str: ...
    def cells(self, table: Optional[str] = None) -> Iterator[Cell]: ...
    def findings(self) -> list[Diagnostic]: ...

def parse(text_or_bytes: Union[str, bytes, bytearray, memoryview], encoding: Optional[str] = None,
          strict: bool = False, format: Optional[str] = None) -> Report: ...
def parse_file(path: PathLike, encoding: Optional[str] = None, strict: bool = False,
               format: Optional[str] = None) -> Report: ...
def parse_many(paths: Iterable[PathLike], jobs: Optional[int] = None, encoding: Optional[str] = None,
               strict: bool = False, format: Optional[str] = None,
               errors: str = "raise") -> Iterator[Union[Report, ParseError, OSError]]: ...
def check(text_or_bytes: Union[str, bytes, bytearray, memoryview], encoding: Optional[str] = None,
          strict: bool = False) -> list[Diagnostic]: ...
def check_across(reports: Iterable[Union[Report, BaseException]]) -> list[tuple[Report, Diagnostic]]: ...
def to_frame(reports: Iterable[Union[Report, BaseException]]) -> Any: ...  # a pandas.DataFrame

FRAME_COLUMNS: list[str]
