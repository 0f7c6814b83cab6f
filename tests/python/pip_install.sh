#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# pip install --no-build-isolation of the source tree into a fresh venv (Debian's packages only),
# then import ogi and parse the reference report. Exit 77 (ctest: skipped) without venv or setuptools.
# usage: pip_install.sh PYTHON SOURCE_DIR WORK_DIR
set -eu
python=$1 src=$2 work=$3
"$python" -c "import venv, setuptools" 2>/dev/null || { echo "skipped: no venv or setuptools"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
"$python" -m venv --system-site-packages "$work/venv" || { echo "skipped: venv cannot be made"; exit 77; }
cd "$src"
"$work/venv/bin/pip" install --no-build-isolation --no-index .
cd "$work"
"$work/venv/bin/python" - "$src/corpus/000-zhangdian-2021/input.txt" <<'PY'
import pathlib, sys, ogi
r = ogi.parse_file(sys.argv[1])
print(ogi.__file__, ogi.__version__, r)
assert r.tables["applications"]["granted"]["total"] == 8
package = pathlib.Path(ogi.__file__).parent
assert all((package / f).is_file() for f in ("py.typed", "__init__.pyi", "_ogi.pyi")), "type stubs not installed"
PY
