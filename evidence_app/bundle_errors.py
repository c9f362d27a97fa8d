"""One exception class per way a bundle can fail to export, import or verify.

Every class is a :class:`~evidence_app.errors.CheckFailed` (a verification found a
problem, exit code 1), so the CLI prints it as one line. Messages name bag paths or opaque
IDs, never names, plaintext or passphrases.
"""

from __future__ import annotations

from evidence_app.errors import CheckFailed


class BundleDecryptError(CheckFailed):
    """The bundle is not a valid age file for us: damaged, truncated, or altered."""


class NotForMeError(CheckFailed):
    """The bundle was not encrypted to my key, or my fingerprint is not an intended recipient."""


class UnsafeArchiveError(CheckFailed):
    """The decrypted content is not a safe tar: traversal, links, devices, duplicates, sizes."""


class BagInvalidError(CheckFailed):
    """The BagIt bag is incomplete, has extra files, or a file does not match its manifest."""


class BundleSignatureError(CheckFailed):
    """The signature over the tag manifest is missing, malformed or does not verify."""


class UntrustedSignerError(CheckFailed):
    """The signature is valid but the signer is not a trusted contact."""


class CustodyChainError(CheckFailed):
    """A custody chain in the bag is broken: missing, reordered or badly signed events."""


class IntegrityError(CheckFailed):
    """An original in the vault no longer matches its intake hash; export stops."""
