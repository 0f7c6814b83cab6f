# SPDX-License-Identifier: Apache-2.0
"""Builds the `ogi` Python package with the project's own CMake (no scikit-build: Debian 12 has
none). build_ext configures a CMake tree of the module alone (no tests, no tools, no install
rules), builds the target _ogi and puts the extension beside bindings/python/ogi/__init__.py.

    pip install --no-build-isolation .
    pip wheel --no-build-isolation .

CMAKE_ARGS in the environment adds options (e.g. CMAKE_ARGS="-DOGI_PDF=OFF")."""
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(ogi VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        out = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        tree = pathlib.Path(self.build_temp).resolve() / "cmake"
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(tree),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DOGI_BUILD_TESTS=OFF", "-DOGI_BUILD_TOOLS=OFF", "-DOGI_INSTALL=OFF",
            "-DOGI_PYTHON=ON", "-DPython3_EXECUTABLE=" + sys.executable,
        ] + shlex.split(os.environ.get("CMAKE_ARGS", ""))
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(tree), "--target", "_ogi", "-j", jobs], check=True)
        built = sorted((tree / "bindings" / "python" / "ogi").glob("_ogi*.so"))
        if not built:
            raise RuntimeError("CMake built no _ogi extension under " + str(tree))
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], out)


setup(
    version=project_version(),
    packages=["ogi"],
    package_dir={"": "bindings/python"},
    package_data={"ogi": ["py.typed", "*.pyi"]},   # type stubs (PEP 561)
    ext_modules=[Extension("ogi._ogi", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    # not build/: that is where the project's own CMake tree lives (README)
    options={"build": {"build_base": "build-python"}},
)
