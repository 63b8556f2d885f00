"""The type stubs say what the module really has (mypy's stubtest compares
them with the compiled module), and typed code using them checks."""

import subprocess
import sys
import textwrap


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd)


def test_stubs_match_the_module():
    result = run("mypy.stubtest", "ringq")
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_code_checks_strictly(tmp_path):
    (tmp_path / "use.py").write_text(
        textwrap.dedent(
            """
            from datetime import datetime, timezone
            from typing import Any, Dict, List, Tuple

            import ringq

            canonical: str = ringq.check("refund", now=datetime.now(timezone.utc), tz="UTC", locale="fr", prefer="future")
            span: Tuple[datetime, datetime] = ringq.resolve_date("yesterday", calendar=ringq.Calendar.from_json("{}"))
            body: Dict[str, Any] = ringq.omniq("x", index="users", from_=10, size=5, mapping={"assigned_to": "agent"}, plan=True)
            terms: List[Dict[str, Any]] = ringq.parse("x", lenient=True)
            items: Dict[str, Any] = ringq.complete("stat", 4, lenient=True)
            explained: Dict[str, Any] = ringq.explain("x", dates="intended")
            try:
                ringq.format("x")
            except ringq.QueryError as error:
                starts: List[int] = [d.start for d in error.diagnostics]
            """
        )
    )
    result = run("mypy", "--strict", "--no-incremental", "use.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "wrong.py").write_text('import ringq\nringq.omniq("x", index="userz")\n')
    result = run("mypy", "--no-incremental", "wrong.py", cwd=tmp_path)
    assert result.returncode == 1 and "userz" in result.stdout
