"""The receiver over https with a self-signed certificate made by app.tls."""

from __future__ import annotations

import ssl

import httpx
import pytest

from app.core import Core
from app.protocol import encode_body, signed_headers
from app.receiver import ReceiverError
from app.tls import make_self_signed
from tests.conftest import example, make_settings


async def test_https_with_self_signed_certificate(tmp_path):
    cert, key = tmp_path / "tls" / "cert.pem", tmp_path / "tls" / "key.pem"
    make_self_signed(cert, key, names=["localhost"], ips=["127.0.0.1"])
    core = Core(make_settings(tmp_path / "data", tls_cert=str(cert), tls_key=str(key)))
    url = await core.start()
    try:
        assert url.startswith("https://127.0.0.1:")
        ctx = ssl.create_default_context(cafile=str(cert))
        body = encode_body(example("cabinetStatusUpdate"))
        async with httpx.AsyncClient(verify=ctx, trust_env=False) as client:
            r = await client.post(url, content=body, headers=signed_headers(body, "123456"))
        assert r.json()["code"] == "1000"
        # A plain-http client gets no answer from a TLS port.
        async with httpx.AsyncClient(trust_env=False) as client:
            with pytest.raises(httpx.HTTPError):
                await client.post(url.replace("https", "http"), content=body)
    finally:
        await core.stop()


async def test_missing_key_file_is_one_sentence(tmp_path):
    cert = tmp_path / "cert.pem"
    make_self_signed(cert, tmp_path / "key.pem")
    core = Core(make_settings(tmp_path / "data", tls_cert=str(cert),
                              tls_key=str(tmp_path / "nope.pem")))
    with pytest.raises(ReceiverError, match="Cannot load the TLS certificate"):
        await core.start()

