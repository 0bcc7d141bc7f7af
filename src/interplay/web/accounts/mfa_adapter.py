"""allauth.mfa shaped for Interplay: its secrets (TOTP keys, the recovery-code seed) are sealed
with the project's own keys (`web/crypto.py`, Fernet, rotatable), so a copy of the database
alone cannot produce anyone's codes."""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter

from interplay.web import crypto


class InterplayMFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth is untyped
    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)

    def get_totp_issuer(self) -> str:
        return "Interplay"
