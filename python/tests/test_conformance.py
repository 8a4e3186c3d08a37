"""python3 -m mitch.conformance: every row of the vectors through the public
API, one line per failure, the closing line "N passed, N failed"."""

import shutil
import subprocess
import sys

from conftest import PYTHON_DIR, run_python, vectors_dir

RUN = "import sys, mitch.conformance as c; sys.exit(c.main(sys.argv[1:]))"


def data_rows(directory):
    """Data rows of every .tsv file, counted without the runner's help."""
    return sum(len(p.read_text(encoding="utf-8").splitlines()) - 1
               for p in directory.glob("*/*.tsv"))


def runner(*args):
    return run_python("import sys; sys.argv[1:] = %r; " % (list(args),) + RUN)


def test_every_vector_row_passes():
    result = runner(str(vectors_dir()))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = data_rows(vectors_dir())
    assert rows >= 1378 + 153
    assert result.stdout.splitlines()[-1] == "%d passed, 0 failed" % rows


def test_a_wrong_row_is_reported_and_fails(tmp_path):
    copy = tmp_path / "vectors"
    shutil.copytree(vectors_dir(), copy)
    trades = copy / "messages" / "trade.tsv"
    lines = trades.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[3].rstrip("\n").split("\t")
    cells[-1] = "00" + cells[-1][2:] if not cells[-1].startswith("00") else "11" + cells[-1][2:]
    lines[3] = "\t".join(cells) + "\n"
    lines[5] = lines[5].split("\t", 1)[0] + "\n"  # too few cells
    trades.write_text("".join(lines), encoding="utf-8")
    (copy / "resolution" / "providers.tsv").unlink()
    result = runner(str(copy))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert any(l.startswith("messages/trade.tsv:4: FAIL") for l in out), out[:5]
    assert any(l.startswith("messages/trade.tsv:6: FAIL") and "cells" in l for l in out)
    assert "resolution/providers.tsv: missing" in out
    providers = len((vectors_dir() / "resolution" / "providers.tsv")
                    .read_text(encoding="utf-8").splitlines()) - 1
    assert out[-1] == "%d passed, 3 failed" % (data_rows(vectors_dir()) - providers - 2)


def test_a_damaged_file_is_one_failure_and_the_other_files_still_run(tmp_path):
    copy = tmp_path / "vectors"
    shutil.copytree(vectors_dir(), copy)
    ticks = copy / "messages" / "tick.tsv"
    lines = ticks.read_bytes().splitlines(keepends=True)
    ticks.write_bytes(b"".join(lines[:3]) + b"\xff\xfe not UTF-8\n" + b"".join(lines[3:]))
    (copy / "messages" / "channel.tsv").write_bytes(b"")  # cut to nothing
    index = copy / "messages" / "index.tsv"
    index.write_bytes(index.read_bytes().splitlines(keepends=True)[0])  # the header only
    header = copy / "messages" / "header.tsv"
    header.write_bytes(header.read_bytes() + b"x" * 200_000 + b"\n")  # over csv's field limit
    result = runner(str(copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    out = result.stdout.splitlines()
    assert any(l.startswith("messages/tick.tsv: unreadable after line") and
               "UnicodeDecodeError" in l for l in out), out[:5]
    assert any(l.startswith("messages/header.tsv: unreadable after line") for l in out)
    assert "messages/channel.tsv: no rows" in out and "messages/index.tsv: no rows" in out
    assert all(len(l) < 400 for l in out)
    passed, _, failed, _ = out[-1].split()
    others = data_rows(vectors_dir()) - sum(
        len((vectors_dir() / "messages" / n).read_text(encoding="utf-8").splitlines()) - 1
        for n in ("tick.tsv", "header.tsv", "channel.tsv", "index.tsv"))
    assert int(passed) >= others and int(failed) == 4


def test_usage_errors():
    assert runner().returncode == 2
    assert runner("/nonexistent/dir").returncode == 2


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "mitch.conformance", str(vectors_dir())],
                            cwd=str(PYTHON_DIR), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stdout.endswith(" 0 failed\n")
