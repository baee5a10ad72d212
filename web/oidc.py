"""Single sign-on with OpenID Connect (Authlib): for a council's identity provider such
as Microsoft Entra ID. The provider's verified email picks the account; accounts are still
created by the local operator, so signing in through the provider never creates one (a
member of the council who is not on any review sees nothing). Local passwords stay optional
(LRT_PASSWORD_SIGN_IN=0 turns them off)."""

from __future__ import annotations

import logging

from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Flask, redirect, url_for

from timeline.settings import SecuritySettings
from web.services import store
from web.sessions import client_address, start_session

log = logging.getLogger("lrt.oidc")


def init_oidc(server: Flask, settings: SecuritySettings) -> None:
    conf = settings.oidc
    if conf is None:
        return
    oauth = OAuth(server)
    provider = oauth.register(
        "idp",
        client_id=conf.client_id,
        client_secret=conf.client_secret,
        server_metadata_url=conf.metadata_url,
        client_kwargs={"scope": conf.scopes, "code_challenge_method": "S256"},
    )

    @server.route("/login/sso")
    def sso_start():
        base = settings.public_url
        callback = base + "/login/sso/callback" if base else url_for("sso_callback", _external=True)
        return provider.authorize_redirect(callback)

    @server.route("/login/sso/callback")
    def sso_callback():
        from web.auth import login_page

        try:
            # Checks state, the code exchange (PKCE), the ID token's signature, issuer,
            # audience, expiry and nonce.
            token = provider.authorize_access_token()
        except (OAuthError, ValueError, KeyError) as exc:
            log.warning("single sign-on failed: %s", exc)
            return login_page(400, error="Single sign-on did not complete. Please try again.")
        claims = token.get("userinfo") or {}
        email = str(claims.get("email") or "").strip().lower()
        if not email or claims.get("email_verified") is not True:
            _refused(email or "(no email)", "the provider did not vouch for the email")
            return login_page(
                403, error="Your organisation's account did not give a verified email address."
            )
        subject = f"{conf.issuer} {claims.get('sub', '')}"
        user = store().accounts.for_verified_email(email, subject)
        if user is None:
            _refused(email, "no active account with this email and identity")
            return login_page(
                403,
                error=f"There is no active account for {email}. Ask the review's lead "
                "reviewer to add you.",
            )
        start_session(user["id"], "oidc")
        return redirect("/")


def _refused(email: str, why: str) -> None:
    store().accounts.audit_refusal(email, f"single sign-on from {client_address()}", why)
