"""TLS for the receiver: a self-signed certificate for this workstation (cryptography)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _local_names() -> tuple[list[str], list[str]]:
    names = {"localhost", socket.gethostname()}
    ips = {"127.0.0.1"}
    try:
        ips.update(info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)
                   if info[0] == socket.AF_INET)
    except OSError:
        pass
    return sorted(names), sorted(ips)


def make_self_signed(cert_path: Path, key_path: Path, *, days: int = 3650,
                     names: list[str] | None = None, ips: list[str] | None = None) -> None:
    """Write a PEM certificate and key valid for this machine's names and addresses.

    Devices posting over https must be set to trust it (or not to verify), as with any
    self-signed certificate."""
    local_names, local_ips = _local_names()
    names = names or local_names
    ips = ips or local_ips
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0]),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Gantry Monitor")])
    now = dt.datetime.now(dt.UTC)
    alt = [x509.DNSName(n) for n in names] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips]
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
