"""Core messages in Tajik, Russian and Persian: the CLI's error lines from vault, records,
model and key slots, and the translated sentence for every crypto error class."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from records_support import PHOTOS, sample_testimony

from crypto import errors as crypto_errors
from crypto.identity import fingerprint_of
from evidence_app import cli, custody, i18n, model
from evidence_app.errors import crypto_sentence, describe_error
from evidence_app.hardening import TEST_KDF_WARNING

CRYPTO_CLASSES = [c for _, c in inspect.getmembers(crypto_errors, inspect.isclass)
                  if issubclass(c, crypto_errors.CryptoError)]


@pytest.fixture
def vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """argv prefix of a new vault (made in English)."""
    pw = tmp_path / "pw.txt"
    pw.write_text("first passphrase\n")
    argv = ["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw)]
    assert cli.main([*argv, "init", "--name", "Field Documenter"]) == 0
    capsys.readouterr()
    return argv


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln != TEST_KDF_WARNING]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(("lang", "line"), [
    ("ru", "evidence-app: ошибка: нет показания с ID nope"),
    ("tg", "evidence-app: хато: шаҳодат бо ID nope нест"),
    ("fa", "evidence-app: خطا: شهادتی با شناسهٔ nope نیست"),
    ("en", "evidence-app: error: no testimony with id nope"),
])
def test_records_error_line_in_the_language(lang, line, vault, capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    assert cli.main([*vault, "testimony", "show", "nope"]) == 2
    assert _error(capsys) == line


@pytest.mark.parametrize(("lang", "line"), [
    ("ru", "evidence-app: ошибка: $.title: должно быть строкой"),
    ("tg", "evidence-app: хато: $.title: бояд сатр бошад"),
    ("fa", "evidence-app: خطا: $.title: باید رشته باشد"),
])
def test_model_error_keeps_the_json_path_and_translates_the_problem(
        lang, line, vault, capsys, monkeypatch, tmp_path):
    src = tmp_path / "t.json"
    src.write_text(json.dumps({"title": 5}))
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    assert cli.main([*vault, "testimony", "add", "--json", str(src)]) == 2
    assert _error(capsys) == line


@pytest.mark.parametrize(("lang", "line"), [
    ("ru", "evidence-app: ошибка: неверная парольная фраза (или код восстановления): ничего "
           "не изменено"),
    ("fa", "evidence-app: خطا: عبارت عبور (یا کد بازیابی) نادرست است: چیزی تغییر نکرد"),
    ("en", "evidence-app: error: wrong passphrase (or recovery code): nothing was changed"),
])
def test_wrong_passphrase_line_in_the_language(lang, line, vault, capsys, monkeypatch, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not the passphrase\n")
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    assert cli.main([*vault[:2], "--passphrase-file", str(bad), "testimony", "list"]) == 2
    assert _error(capsys) == line


@pytest.mark.parametrize(("lang", "fragment"), [
    ("ru", "не меньше 10 символов"), ("tg", "на камтар аз 10 аломат"), ("fa", "دست‌کم 10 نویسه"),
])
def test_short_passphrase_uses_the_plural_form(lang, fragment, capsys, monkeypatch, tmp_path):
    pw = tmp_path / "pw.txt"
    pw.write_text("short\n")
    monkeypatch.setenv("EVIDENCE_APP_LANG", lang)
    code = cli.main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw),
                     "init", "--name", "A B"])
    assert code == 2 and fragment in _error(capsys)


def test_russian_plural_forms_of_a_core_message():
    i18n.set_language("ru")
    forms = [i18n.ngettext("has more than {n} item", "has more than {n} items", n).format(n=n)
             for n in (1, 3, 5)]
    assert forms == ["содержит больше 1 элемента", "содержит больше 3 элементов",
                     "содержит больше 5 элементов"]


def test_library_messages_stay_english_until_set_language():
    with pytest.raises(model.ModelError, match=r"^\$\.title: must be a string$"):
        model.validate_input({"title": 5})
    i18n.set_language("tg")
    with pytest.raises(model.ModelError, match=r"^\$\.title: бояд сатр бошад$"):
        model.validate_input({"title": 5})


# --- crypto errors, translated at the boundary -------------------------------------------


def test_every_crypto_class_has_its_own_sentence_in_every_language():
    assert len(CRYPTO_CLASSES) >= 11
    for lang in ("en", "tg", "ru", "fa"):
        i18n.set_language(lang)
        sentences = [crypto_sentence(c) for c in CRYPTO_CLASSES]
        assert len(set(sentences)) == len(CRYPTO_CLASSES), lang  # one message per class
    i18n.set_language("en")
    english = {crypto_sentence(c) for c in CRYPTO_CLASSES}
    for lang in ("tg", "ru", "fa"):
        i18n.set_language(lang)
        assert not english & {crypto_sentence(c) for c in CRYPTO_CLASSES}, lang


@pytest.mark.parametrize(("exc", "ru"), [
    (crypto_errors.WrongPassphraseError("wrong key or damaged sealed secret"),
     "неверная парольная фраза (или код восстановления): ничего не изменено"),
    (crypto_errors.NoIdentityMatchError("no identity matched"),
     "этот файл зашифрован не для вашего ключа: попросите отправителя зашифровать его для "
     "вашей карточки ключа"),
    (crypto_errors.HeaderMacError("header MAC mismatch"),
     "заголовок файла изменён после шифрования: не доверяйте этой копии, попросите "
     "отправителя прислать новую"),
    (crypto_errors.KeyFormatError("not an ssh-ed25519 public key"),
     "ключ повреждён: проверьте, что ключ или карточка ключа скопированы полностью "
     "(not an ssh-ed25519 public key)"),
    (crypto_errors.CancelledError("cancelled"), "отменено: ничего не изменено"),
    (crypto_errors.CryptoError("something"),
     "криптографическая проверка не пройдена: ничего не изменено"),
])
def test_describe_error_per_crypto_class_in_russian(exc, ru):
    i18n.set_language("ru")
    assert describe_error(exc) == (ru, 2)


def test_most_specific_crypto_class_wins_and_only_safe_details_follow():
    class SlotPassphraseError(crypto_errors.WrongPassphraseError):
        pass

    i18n.set_language("en")
    message, code = describe_error(SlotPassphraseError("wrong recovery code\nsecret?"))
    assert (message, code) == ("wrong passphrase (or recovery code): nothing was changed", 2)
    message, _ = describe_error(crypto_errors.HeaderError("bad\x1b[2J stanza"))
    assert message == ("the file is not an age file or its header is damaged: ask the sender "
                       "for the file again (bad [2J stanza)")


@pytest.mark.parametrize(("exc", "tg"), [
    (FileNotFoundError(2, "No such file or directory", "/x/y.age"),
     "чунин файл ё ҷузвдон нест: /x/y.age"),
    (IsADirectoryError(21, "Is a directory", "/x"), "ин ҷузвдон аст, на файл: /x"),
    (PermissionError(13, "Permission denied", "/x/k"), "иҷозат нест: /x/k"),
])
def test_file_errors_in_tajik(exc, tg):
    i18n.set_language("tg")
    assert describe_error(exc) == (tg, 2)


# --- problem lines: custody chains and vault check ---------------------------------------


def test_custody_chain_problems_in_russian():
    key = Ed25519PrivateKey.from_private_bytes(bytes(32))
    fp = fingerprint_of(key.public_key())
    events, prev = [], None
    for seq in (1, 2, 3):
        event = custody.make_event(
            chain="t1", seq=seq, prev_hash=prev, action="created", object_id=f"o{seq}",
            object_sha256=None, details={}, identity_signing_key=key, actor_fingerprint=fp,
            time="2025-03-02T10:00:00Z")
        events.append(event)
        prev = custody.event_hash(event)
    del events[1]
    i18n.set_language("ru")
    assert custody.verify_chain(events) == [
        "событие 1 (seq 3): удалено: после seq 1 не хватает 1 события",
        "событие 1 (seq 3): изменено: хеш prev не совпадает с предыдущим событием",
    ]


def test_vault_check_problem_lines_in_tajik(vault, capsys, monkeypatch, tmp_path):
    src = tmp_path / "t.json"
    src.write_text(json.dumps(sample_testimony()))
    photo = next(PHOTOS.glob("*.jpg"))
    assert cli.main([*vault, "testimony", "add", "--json", str(src), "--attach",
                     str(photo)]) == 0
    tid = capsys.readouterr().out.strip()
    assert cli.main([*vault, "testimony", "show", tid, "--json"]) == 0
    aid = json.loads(capsys.readouterr().out)["attachments"][0]["id"]
    blob = max((p for p in (tmp_path / "v" / "blobs").rglob("*") if p.is_file()),
               key=lambda p: p.stat().st_size)
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF
    blob.write_bytes(bytes(data))
    monkeypatch.setenv("EVIDENCE_APP_LANG", "tg")
    assert cli.main([*vault, "vault", "check"]) == 1
    assert f"замимаи {aid}: blob вайрон аст" in capsys.readouterr().out.splitlines()
