"""The pinned Unicode CLDR JSON packages the table generators read (gen_currencies.py,
gen_units.py): fetched with `npm pack` into a temporary folder, or read from a folder that
holds them unpacked (`--cldr DIR`, one sub-folder per package)."""
import argparse
import pathlib
import subprocess
import tarfile
import tempfile

CLDR_VERSION = "48.2.0"


def fetch(dest: pathlib.Path, packages: list[str]) -> None:
    for pkg in packages:
        subprocess.run(["npm", "pack", "--silent", f"{pkg}@{CLDR_VERSION}"], cwd=dest,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with tarfile.open(dest / f"{pkg}-{CLDR_VERSION}.tgz") as t:
            t.extractall(dest / pkg, filter="data")


def folder(description: str, packages: list[str]):
    """Parse `--cldr DIR`; without it fetch the packages. Returns the folder and the
    temporary directory to keep alive while it is read (None for `--cldr`)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--cldr", type=pathlib.Path,
                    help="folder with " + " and ".join(f"{p}/" for p in packages))
    args = ap.parse_args()
    if args.cldr is not None:
        return args.cldr, None
    tmp = tempfile.TemporaryDirectory()
    fetch(pathlib.Path(tmp.name), packages)
    return pathlib.Path(tmp.name), tmp
