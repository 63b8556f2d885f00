"""The Python examples of the READMEs run, as Rust's run as doctests."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
READMES = [ROOT / "README.md", ROOT / "bindings" / "python" / "README.md"]


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(readme, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", readme.read_text(), re.S)
    assert blocks, readme
    monkeypatch.chdir(ROOT)  # paths in the examples are from the repository's root
    for block in blocks:
        exec(compile(block, str(readme), "exec"), {})
