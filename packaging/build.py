"""Build Slant's one-folder app with PyInstaller, then run it once as a smoke check.

Usage: python packaging/build.py [--dist DIR] [--work DIR] [--screenshot OUT.png] [--no-smoke]
Exit status: 0 when the app was built and passed the smoke check, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "slant.spec"
TRANSLATIONS = ROOT / "resources" / "translations"
SAMPLES = ROOT / "resources" / "samples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VERSION_TIMEOUT_S = 60
SCREENSHOT_TIMEOUT_S = 180


class BuildError(Exception):
    """A build step failed; the message says which and why."""


def app_version() -> str:
    """Slant's version, read from app/__init__.py without importing the app."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if match is None:
        raise BuildError("app/__init__.py has no __version__")
    return match.group(1)


def find_tool(name: str) -> str | None:
    """*name* from this Python's scripts folder (the venv), else from PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def compile_translations(out_dir: Path) -> list[Path]:
    """Compile resources/translations/*.ts into .qm files in *out_dir*; none is no error.

    Raises BuildError when there are .ts files but pyside6-lrelease is missing or fails.
    """
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        print("translations: no .ts files, nothing to compile")
        return []
    lrelease = find_tool("pyside6-lrelease")
    if lrelease is None:
        raise BuildError("pyside6-lrelease is missing (it comes with PySide6)")
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for source in sources:
        target = out_dir / f"{source.stem}.qm"
        result = subprocess.run(
            [lrelease, str(source), "-qm", str(target)], capture_output=True, text=True
        )
        if result.returncode != 0 or not target.is_file():
            raise BuildError(f"pyside6-lrelease failed on {source.name}:\n{result.stderr}")
        compiled.append(target)
    print(f"translations: compiled {len(compiled)} into {out_dir}")
    return compiled


def make_icns(work: Path) -> Path | None:
    """On macOS, turn the SVG into slant.icns with make_icons.py and iconutil; else None."""
    if sys.platform != "darwin":
        return None
    iconset = work / "Slant.iconset"
    icns = work / "slant.icns"
    _run_step(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--iconset", str(iconset)]
    )
    _run_step(["iconutil", "-c", "icns", str(iconset), "-o", str(icns)])
    return icns


def _run_step(command: list[str], env: dict[str, str] | None = None) -> None:
    if subprocess.run(command, env=env).returncode != 0:
        raise BuildError(f"this step failed: {' '.join(command)}")


def run_pyinstaller(dist: Path, work: Path, qm_dir: Path, icns: Path | None) -> Path:
    """Run PyInstaller on packaging/slant.spec; return the app folder (dist/slant).

    Raises BuildError when PyInstaller is missing or fails.
    """
    if shutil.which("pyinstaller") is None and find_tool("pyinstaller") is None:
        raise BuildError("PyInstaller is missing: pip install -e '.[build]'")
    env = dict(os.environ, SLANT_QM_DIR=str(qm_dir))
    if icns is not None:
        env["SLANT_ICNS"] = str(icns)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)]
    _run_step(command, env)
    return dist / "slant"


def smoke_check(app_dir: Path, screenshot: Path, version: str) -> None:
    """Run the built app: ``--version`` must print *version*, ``--screenshot`` must save a PNG.

    Raises BuildError naming the check that failed.
    """
    exe = app_dir / ("slant.exe" if sys.platform == "win32" else "slant")
    if not exe.is_file():
        raise BuildError(f"{exe} was not built")
    with tempfile.TemporaryDirectory(prefix="slant-smoke-") as home:
        # The smoke run must not read or change the builder's own Slant settings.
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SLANT_HOME=home)
        shown = _run_app([str(exe), "--version"], env, VERSION_TIMEOUT_S)
        if f"slant {version}" not in shown:
            raise BuildError(f"{exe.name} --version printed {shown!r}, not 'slant {version}'")
        print(f"smoke: {exe.name} --version -> {shown}")
        _check_web_page(exe, env)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        screenshot.unlink(missing_ok=True)
        command = [str(exe), "--screenshot", str(screenshot)]
        sample = next(iter(sorted(SAMPLES.glob("*.html"))), None)
        if sample is not None:
            command.append(str(sample))
        _run_app(command, env, SCREENSHOT_TIMEOUT_S)
    if not screenshot.is_file() or not screenshot.read_bytes().startswith(PNG_SIGNATURE):
        raise BuildError(f"{exe.name} --screenshot did not write a PNG to {screenshot}")
    print(f"smoke: {exe.name} --screenshot -> {screenshot}")


def _check_web_page(exe: Path, env: dict[str, str]) -> None:
    """``slant text`` on a saved page must print its article, not the whole page: when the
    extractor's data files are missing from the build it fails and Slant falls back."""
    page = ROOT / "tests" / "fixtures" / "pages" / "harbour-ferry-fares.html"
    if not page.is_file():  # a source tree without the tests
        return
    text = _run_app([str(exe), "text", str(page)], env, SCREENSHOT_TIMEOUT_S)
    if "Share on Facebook" in text or "Commuters who cross Kestrel Bay" not in text:
        raise BuildError(f"{exe.name} text {page.name} printed the whole page, not its article")
    print(f"smoke: {exe.name} text {page.name} -> the article only")


def _run_app(command: list[str], env: dict[str, str], timeout: float) -> str:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BuildError(f"{' '.join(command)} did not finish in {timeout} s") from None
    if result.returncode != 0:
        raise BuildError(
            f"{' '.join(command)} exited with {result.returncode}:\n{result.stdout}{result.stderr}"
        )
    return (result.stdout + result.stderr).strip()


def main(argv: list[str] | None = None) -> int:
    """Build and smoke-check the app; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder")
    parser.add_argument("--screenshot", type=Path, help="smoke screenshot (default in --work)")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    args = parser.parse_args(argv)
    work, dist = args.work.resolve(), args.dist.resolve()
    started = time.monotonic()
    try:
        version = app_version()
        compile_translations(work / "translations")
        icns = make_icns(work)
        app_dir = run_pyinstaller(dist, work, work / "translations", icns)
        built = time.monotonic()
        print(f"built {app_dir} in {built - started:.0f} s")
        if not args.no_smoke:
            smoke_check(app_dir, args.screenshot or work / "smoke" / "screenshot.png", version)
            print(f"smoke check passed in {time.monotonic() - built:.0f} s")
    except BuildError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
