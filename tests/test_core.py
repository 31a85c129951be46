"""The core as a whole: one running core per data folder."""

import pytest

from app.core import Core
from tests.conftest import make_settings


async def test_one_running_core_per_data_folder(tmp_path):
    from app.store import StoreError

    first = Core(make_settings(tmp_path / "data"))
    await first.start()
    second = Core(make_settings(tmp_path / "data"))
    try:
        with pytest.raises(StoreError, match="already using the data folder"):
            await second.start()
    finally:
        await first.stop()
    await second.start()  # free again once the first has stopped
    await second.stop()
