from app.store import queries
from tests.conftest import example


async def test_spec_examples_accepted_and_stored(core, poster):
    for name in ("cabinetStatusUpdate", "computerStatusUpdate"):
        r = await poster.post(example(name))
        assert r.status_code == 200
        assert r.json() == {"code": "1000", "msg": "成功"}
    assert core.store.read_sync(queries.message_count) == 2
    state = core.fleet.gantries["G000211001002110010"]
    assert state.cabinets[1].cabinet.ups[0].charge_percent.value == 99.0
