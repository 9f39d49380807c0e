"""Hostile content: scripts and SQL in every parameter and form field, forged posts, the admin."""

from urllib.parse import quote

from tests.security.hostile_request import (
    APPLICATION,
    APPLY,
    APPLY_JA,
    CONTACT_EMAIL,
    EVENTS,
    FEES,
    FORM,
    HOME,
    IMAGE,
    PAYLOADS,
    SCRIPT,
    SEARCH,
    SEARCH_JA,
    SQLISH,
    SVG,
    HostileRequest,
    every_value,
    form_body,
    get,
    post,
)


def _payloads_in_query_parameters() -> list[HostileRequest]:
    requests = every_value(
        "payload in query",
        PAYLOADS,
        f"{SEARCH}?q={{v}}",
        f"{SEARCH_JA}?q={{v}}&page={{v}}",
        f"{EVENTS}?year={{v}}&page={{v}}",
        f"{FEES}?category={{v}}&population={{v}}",
        f"{HOME}?{{v}}={{v}}",
    )
    requests += [
        get("payload in query", f"/admin/login/?next={quote(target, safe='')}")
        for target in ("//evil.example/", "javascript:alert('hx')", SCRIPT, "/admin/%0d%0a")
    ]
    return requests


def _payloads_in_form_fields() -> list[HostileRequest]:
    requests = []
    for name in [*APPLICATION, "hp_leave_empty", "submission_token"]:
        for payload in (SCRIPT, SQLISH[0], "\u202e" + IMAGE):
            requests.append(
                post("payload in form", APPLY, {**APPLICATION, name: payload}, csrf_from=APPLY)
            )
    requests += [
        post("payload in form", APPLY_JA, {**APPLICATION, "organisation": SVG}, csrf_from=APPLY_JA),
        post("payload in form", APPLY, {**APPLICATION, "message": "x" * 6000}, csrf_from=APPLY),
        post(
            "payload in form", APPLY, {**APPLICATION, "population": "1e999999999"}, csrf_from=APPLY
        ),
        post("payload in form", APPLY, {**APPLICATION, "population": "²"}, csrf_from=APPLY),
        post("payload in form", APPLY, {**APPLICATION, "population": "NaN"}, csrf_from=APPLY),
        post("payload in form", APPLY, {**APPLICATION, "population": "9" * 2000}, csrf_from=APPLY),
        post("payload in form", APPLY, {**APPLICATION, "e_mail": "a@b@c<script>"}, csrf_from=APPLY),
        post("payload in form", APPLY, {"organisation": SCRIPT}, csrf_from=APPLY),
        post("payload in form", APPLY, {}, csrf_from=APPLY),
        post("payload in form", CONTACT_EMAIL, {"x": SCRIPT}, csrf_from=APPLY),
    ]
    return requests


def _missing_csrf() -> list[HostileRequest]:
    forbidden = frozenset({403})
    return [
        post("missing CSRF", APPLY, APPLICATION, expect=forbidden),
        post("missing CSRF", APPLY_JA, APPLICATION, expect=forbidden),
        # The contact address reveal takes no token (it changes nothing, and a token would keep
        # every page with a contact callout out of the page cache): it answers as usual.
        post("missing CSRF", CONTACT_EMAIL, {}, expect=frozenset({200})),
        post(
            "missing CSRF",
            "/admin/login/",
            {"username": "admin", "password": "x"},
            expect=forbidden,
        ),
        # A token that is not the cookie's.
        HostileRequest(
            "missing CSRF",
            "POST",
            APPLY,
            headers=(*FORM, ("Cookie", "csrftoken=" + "y" * 32)),
            body=form_body({**APPLICATION, "csrfmiddlewaretoken": "x" * 64}),
            expect=forbidden,
        ),
        HostileRequest(
            "missing CSRF",
            "POST",
            "/admin/logout/",
            headers=FORM,
            expect=forbidden,
        ),
    ]


def _admin() -> list[HostileRequest]:
    # Signed out, every admin address sends to the sign-in page or refuses; none shows data.
    targets = [
        "/admin/",
        "/admin/pages/",
        "/admin/pages/3/edit/",
        "/admin/pages/3/",
        "/admin/applications/",
        "/admin/applications/?export=csv",
        "/admin/applications/?export=xlsx&status=" + quote(SCRIPT),
        "/admin/applications/1/",
        "/admin/users/",
        "/admin/snippets/",
        "/admin/translation-status/?locale=" + quote(SCRIPT) + "&status=%ff",
        "/admin/api/main/pages/",
        "/admin/../admin/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/site-history/",
        "/documents/1/anything.pdf",
        "/admin/login/?next=" + quote("http://evil.example/"),
    ]
    return [
        get("admin signed out", target, expect=frozenset({200, 302, 403, 404}))
        for target in targets
    ]


def signed_in_requests() -> list[HostileRequest]:
    """Odd filters and pages in the admin's own lists, sent by a signed-in superuser."""
    inbox, report = "/admin/applications/", "/admin/translation-status/"
    values = [SCRIPT, "%ff", "99999999999999999999", "-1", "²", "2026-13-45", "' OR 1=1 --"]
    return every_value(
        "signed-in filters",
        values,
        f"{inbox}?status={{v}}&language_code={{v}}",
        f"{inbox}?category={{v}}&q={{v}}",
        f"{inbox}?submit_time_after={{v}}&submit_time_before={{v}}",
        f"{inbox}?p={{v}}&ordering={{v}}",
        f"{inbox}?export={{v}}",
        f"{report}?locale={{v}}&section={{v}}&status={{v}}",
        "/admin/pages/search/?q={v}&p={v}",
        safe="%",
    )


def payload_requests() -> list[HostileRequest]:
    return [
        *_payloads_in_query_parameters(),
        *_payloads_in_form_fields(),
        *_missing_csrf(),
        *_admin(),
    ]
