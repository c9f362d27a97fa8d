"""crypto.lifecycle.FinishOrAbort, as every stepwise writer uses it: a ``with`` block that
ends normally finishes the output; one left by an exception abandons it, so the partial
output never passes as complete."""

from __future__ import annotations

import io
import os

import pytest

from crypto import age
from crypto.armor import END, ArmorWriter
from crypto.errors import PayloadError
from crypto.stream import PayloadReader, PayloadWriter, WriteBehind


class Boom(Exception):
    pass


def test_armor_writer_ends_only_on_success() -> None:
    done, cut = io.BytesIO(), io.BytesIO()
    with ArmorWriter(done) as writer:
        writer.write(b"x" * 100)
    with pytest.raises(Boom), ArmorWriter(cut) as writer:
        writer.write(b"x" * 100)
        raise Boom
    assert done.getvalue().rstrip().endswith(END)
    assert END not in cut.getvalue() and writer.closed


def test_payload_and_age_writers_left_by_an_error_do_not_decrypt() -> None:
    key = os.urandom(32)
    out = io.BytesIO()
    with pytest.raises(Boom), PayloadWriter(out, key) as writer:
        writer.write(b"y" * 200_000)
        raise Boom
    with pytest.raises(PayloadError):
        PayloadReader(io.BytesIO(out.getvalue()), key).read()
    identity = age.X25519Identity.generate()
    out = io.BytesIO()
    with pytest.raises(Boom), age.encrypt_writer(out, [identity.recipient()]) as aw:
        aw.write(b"z" * 100)
        raise Boom
    with pytest.raises(PayloadError):
        age.decrypt_bytes(out.getvalue(), [identity])


def test_write_behind_left_by_an_error_stops_its_worker() -> None:
    out = io.BytesIO()
    with pytest.raises(Boom), WriteBehind(out, depth=2) as behind:
        behind.write(b"a" * 10)
        raise Boom
    assert not behind._thread.is_alive()
