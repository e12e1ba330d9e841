"""Every third-party module paperkg imports is a dependency it declares, so a
plain `pip install .` runs everything (a stray pandas import once crashed a
clean install; see .ci/run's clean-venv smoke step for the end-to-end check)."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "ingest", "app")
# Offline tools that only run with an extra installed: file -> that extra.
EXTRA_ONLY = {"ingest/extract/vectors.py": "train", "ingest/kb/build.py": "kb"}


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _with_extras(requirements: list[str]) -> set[str]:
    """Names of the requirements and of what their extras install
    (`dask[distributed]` declares `distributed` too)."""
    names = set()
    for requirement in requirements:
        names.add(_name(requirement))
        for extra in re.findall(r"\[([^\]]+)\]", requirement.split(";")[0])[:1]:
            wanted = {e.strip() for e in extra.split(",")}
            for line in _requires(_name(requirement)):
                if any(re.search(rf"extra\s*==\s*['\"]{re.escape(e)}['\"]", line) for e in wanted):
                    names.add(_name(line))
    return names


def _requires(distribution: str) -> list[str]:
    try:
        return requires(distribution) or []
    except PackageNotFoundError:
        return []


def _declared(root: Path) -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    extras = {extra: _with_extras(reqs) for extra, reqs in project.get("optional-dependencies", {}).items()}
    return _with_extras(project["dependencies"]), extras


def _imports(path: Path) -> set[str]:
    tops = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            tops |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            tops.add(node.module.split(".")[0])
    return {top for top in tops if top not in sys.stdlib_module_names and top not in PACKAGES}


_installed = cache(packages_distributions)


def _distributions(module: str) -> set[str]:
    installed = _installed().get(module)
    # A module of an extra that is not installed here is matched by its own name.
    return {d.lower().replace("_", "-") for d in installed} if installed else {module.lower().replace("_", "-")}


def undeclared_imports(root: Path = ROOT) -> list[str]:
    core, extras = _declared(root)
    missing = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            allowed = core | extras.get(EXTRA_ONLY.get(relative, ""), set())
            for module in sorted(_imports(path)):
                if not _distributions(module) & allowed:
                    missing.append(f"{relative}: imports {module} ({', '.join(sorted(_distributions(module)))}), not declared")
    return missing


def test_every_import_is_a_declared_dependency():
    assert undeclared_imports() == []


def test_the_check_catches_an_undeclared_import(tmp_path):
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "connect.py").write_text("import json\nimport dash\nfrom graph import views\nimport pandas as pd\n")
    assert undeclared_imports(tmp_path) == ["app/connect.py: imports pandas (pandas), not declared"]


def test_dockerfile_installs_from_the_same_declaration():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "COPY pyproject.toml" in dockerfile
    installs = [line for line in dockerfile.splitlines() if "pip install" in line]
    assert installs and all(line.rstrip().endswith("pip install --no-cache-dir .") for line in installs)
