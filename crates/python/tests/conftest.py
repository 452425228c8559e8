import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def pipeline():
    import claimx

    return claimx.Pipeline()


@pytest.fixture(scope="session")
def rules():
    import claimx

    return claimx.Pipeline(model="none")
