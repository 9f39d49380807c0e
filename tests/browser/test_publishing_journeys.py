"""Publishing and translating an event through the real admin, as each demo role would.

Editors and translators prepare and submit; only a moderator's approval changes what visitors
see (issue 9's proof). The journeys build on each other in file order: one event made by the
editor in the first (with a person added from the session's chooser, published separately) is
translated in the second, guarded in the third, updated in the fourth, given a late session
translated on its own in the fifth, and translated offline with a PO file in the sixth.
Screenshots of every step go to artifacts/screenshots/journey-*.png.
"""

import json
import re
from dataclasses import dataclass

import polib
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

EVENT = "Coastal Resilience Summit 2031"
EVENT_JA = "沿岸レジリエンス・サミット2031"
EVENT_SLUG = "coastal-resilience-summit-2031"
SUMMARY = "Three sessions on adapting coastal cities to rising seas."
SUMMARY_JA = "海面上昇に備える沿岸都市のための3つのセッション。"


@dataclass(frozen=True)
class Session:
    title: str
    slug: str
    start: str  # typed in the event's zone, Europe/Lisbon (UTC+1 in May)
    end: str
    title_ja: str
    starts_in_japan: str  # the same instant as the Japanese page shows it (JST)
    description: str = ""
    description_ja: str = ""


SESSIONS = [
    Session(
        "Opening: seas at our doors",
        "opening-seas-at-our-doors",
        "2031-05-12 09:30",
        "2031-05-12 10:30",
        "開会：海は目の前に",
        "17:30 JST",
    ),
    Session(
        "Financing sea walls",
        "financing-sea-walls",
        "2031-05-12 14:00",
        "2031-05-12 15:30",
        "防潮堤の資金調達",
        "22:00 JST",
        description="Who pays for protection, and how.",
        description_ja="誰が防護の費用を負担するのか。",
    ),
    Session(
        "Closing: a coastal pact",
        "closing-a-coastal-pact",
        "2031-05-13 16:00",
        "2031-05-13 17:00",
        "閉会：沿岸協定",
        "00:00 JST",  # 16:00 in Lisbon is already the next day in Japan
    ),
]
# Added to the event after its Japanese version went live; translated on its own.
LATE = Session(
    "Field visit: living shorelines",
    "field-visit-living-shorelines",
    "2031-05-13 11:00",
    "2031-05-13 12:30",
    "現地視察：生きた海岸線",
    "19:00 JST",
)
CHANGED = SESSIONS[1]
CHANGED_TITLE = "Financing sea walls and dunes"
CHANGED_TITLE_JA = "防潮堤と砂丘の資金調達"
UNAPPROVED_SUMMARY_JA = "承認前の要約です。"
# A translation made offline in a PO file, and a file the import must refuse whole.
PO_SESSION = SESSIONS[2]
PO_TITLE_JA = "閉会：沿岸協定の締結"
REFUSED_TITLE_JA = "<script>alert(1)</script>閉会"
# Someone the editor adds from the session editor's person chooser; she waits for a moderator.
PERSON = "TESTER Aiko"
PERSON_ROLE = "Mayor"
PERSON_ORGANISATION = "Example City"
WITH_PERSON = SESSIONS[0]

# What the journeys learn about the pages they make, for the journeys after them.
made: dict[str, int] = {}


def event_url(lang: str, session: Session | None = None) -> str:
    return f"/{lang}/events/{EVENT_SLUG}/" + (f"{session.slug}/" if session else "")


def needs(*keys: str) -> None:
    missing = [key for key in keys if key not in made]
    if missing:
        pytest.skip(f"an earlier journey did not get as far as making {', '.join(missing)}")


class Admin:
    """One logged-in browser page per role, kept for the module: each person logs in once."""

    def __init__(self, browser, site_url: str, accounts: dict[str, tuple[str, str]]):
        self.browser, self.site_url, self.accounts = browser, site_url, accounts
        self.contexts: dict[str, object] = {}
        self.pages: dict[str, object] = {}

    def __call__(self, role: str):
        if role not in self.pages:
            username, password = self.accounts[role]
            context = self.browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            sign_in(page, self.site_url, username, password)
            self.contexts[role], self.pages[role] = context, page
        return self.pages[role]

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="module")
def admin(browser, site_url, demo_accounts):
    people = Admin(browser, site_url, demo_accounts)
    yield people
    people.close()


@dataclass
class Visitor:
    """Someone reading the site, never logged in."""

    page: object
    site_url: str

    def visit(self, path: str) -> int:
        return self.page.goto(self.site_url + path).status


@pytest.fixture
def visitor(new_page, site_url):
    return Visitor(new_page(), site_url)


def textbox(page, label: str):
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}\s*\*?$"))


def fill_new_page_title(page, title: str) -> None:
    """Type a new page's title and wait for Wagtail to derive its slug from it, as a person
    would see it happen before saving (under load, a click could beat the script)."""
    textbox(page, "Title").fill(title)
    textbox(page, "Title").blur()
    expect(page.locator("input[name=slug]")).not_to_have_value("")


def save_draft(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    errors = page.locator(".error-message, .help-critical").all_inner_texts()
    if errors:
        screenshot(page, "journey-failed-save-draft")
    assert not errors, f"The editor refused the draft: {errors}"
    expect(page.locator(".messages")).to_contain_text("'")  # "Page '…' created/updated."
    expect(page.locator(".messages .error")).to_have_count(0)


def submit_for_moderation(page) -> None:
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page.locator(".messages")).to_contain_text("has been submitted for moderation")


def awaiting_review(page, title: str):
    """The moderator's dashboard row for a page.

    Sessions show as "Title (Event)", an event with the sessions approved with it as
    "Event, with Session, Session".
    """
    section = page.locator("#awaiting-review-section")
    link = page.get_by_role("link", name=re.compile(rf"^{re.escape(title)}(, with .*| \(.*\))?$"))
    return section.get_by_role("row").filter(has=link)


def approve_from_dashboard(page, site_url: str, title: str, shot: str) -> None:
    page.goto(site_url + "/admin/")
    row = awaiting_review(page, title)
    expect(row).to_have_count(1)
    screenshot(page, f"{shot}-dashboard")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve with comment").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill("Checked: approved.")
    screenshot(page, f"{shot}-approve")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Approve with comment").click()
    expect(awaiting_review(page, title)).to_have_count(0)


def open_translation_editor(page, site_url: str, page_id: int) -> None:
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    expect(page.locator(".js-translation-editor h3").first).to_be_visible()


def status_row(page, title: str):
    """The Translation status report's row for an English page (sessions add "part of …")."""
    cell = page.get_by_role("cell", name=re.compile(rf"^{re.escape(title)}(\s+part of .*)?$"))
    return page.get_by_role("row").filter(has=cell)


def translate_string(page, source: str, translated: str) -> None:
    """Type one string's translation in wagtail-localize's editor and wait until it is saved."""
    segment = page.locator("li").filter(has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name=re.compile("^(Translate|Edit)$")).click()
    segment.locator("textarea").fill(translated)
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.text()
    assert saved.value.json()["error"] is None, saved.value.json()["error"]
    expect(segment.get_by_text(translated, exact=True)).to_be_visible()


def add_new_person(page, *, name: str, role: str, organisation: str, part: str, shot: str) -> None:
    """In a session editor: a row in "People", and the person made in the chooser's own tab."""
    page.get_by_role("button", name="Add People").click()
    row = page.locator("#inline_child_people-0")
    row.get_by_role("button", name="Choose person").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Add a new person").click()
    dialog.get_by_label("Name").fill(name)
    dialog.get_by_label("Title or role").fill(role)
    dialog.get_by_label("Organisation").fill(organisation)
    screenshot(page, shot)
    dialog.get_by_role("button", name="Add this person").click()
    expect(dialog).to_be_hidden()
    expect(row.locator("[data-chooser-title]")).to_have_text(name)
    # The chosen person's id is what the form posts: wait until the chooser has stored it.
    expect(row.locator("input[type=hidden][name$='-person']")).not_to_have_value("")
    row.get_by_role("combobox", name=re.compile("^Role")).select_option(label=part)


def submit_translation_for_approval(page) -> None:
    bar = page.get_by_role("region", name="Approval")
    with page.expect_navigation():
        bar.get_by_role("button", name="Submit for approval").click()
    expect(page.locator(".messages")).to_contain_text("Submitted for approval")


def test_an_editor_builds_an_event_with_three_sessions_and_one_approval_publishes_them(
    admin, visitor, site_url
):
    editor = admin("Editors")
    editor.goto(site_url + "/admin/pages/")
    editor.get_by_role("link", name="Explore child pages of 'Home'", exact=True).click()
    editor.get_by_role("link", name="Explore child pages of 'Events'").click()
    editor.get_by_role("link", name="Add child page").first.click()
    editor.wait_for_url("**/admin/pages/add/events/eventpage/*/")
    fill_new_page_title(editor, EVENT)
    textbox(editor, "Summary").fill(SUMMARY)
    textbox(editor, "First day").fill("2031-05-12")
    textbox(editor, "Last day").fill("2031-05-13")
    editor.get_by_role("combobox", name=re.compile("^Official time zone")).select_option(
        "Europe/Lisbon"
    )
    editor.keyboard.press("Escape")  # the date picker
    save_draft(editor)
    event_id = int(re.search(r"/admin/pages/(\d+)/edit/", editor.url)[1])
    screenshot(editor, "journey-editor-01-event-draft")

    for number, session in enumerate(SESSIONS, start=2):
        editor.goto(f"{site_url}/admin/pages/{event_id}/")
        editor.get_by_role("link", name="Add child page").first.click()
        editor.wait_for_url(f"**/admin/pages/add/events/sessionpage/{event_id}/")
        fill_new_page_title(editor, session.title)
        textbox(editor, "Starts").fill(session.start)
        textbox(editor, "Ends").fill(session.end)
        editor.keyboard.press("Escape")
        if session.description:
            editor.locator("[data-contentpath=description] [contenteditable=true]").click()
            editor.keyboard.type(session.description)
            expect(editor.locator("input[name=description]")).to_have_value(
                re.compile(re.escape(session.description))
            )
        if session is WITH_PERSON:
            add_new_person(
                editor,
                name=PERSON,
                role=PERSON_ROLE,
                organisation=PERSON_ORGANISATION,
                part="Speaker",
                shot="journey-editor-02a-new-person-in-chooser",
            )
        save_draft(editor)
        made[f"session-{session.slug}"] = int(re.search(r"/pages/(\d+)/edit/", editor.url)[1])
        screenshot(editor, f"journey-editor-{number:02d}-session-draft")

    editor.goto(f"{site_url}/admin/pages/{event_id}/edit/")
    submit_for_moderation(editor)
    screenshot(editor, "journey-editor-05-event-submitted")

    for session in SESSIONS:
        assert visitor.visit(event_url("en", session)) == 404, session.title
    assert visitor.visit(event_url("en")) == 404
    screenshot(visitor.page, "journey-visitor-01-session-not-public-before-approval")

    moderator = admin("Moderators")
    moderator.goto(site_url + "/admin/")
    # One task for the event; its sessions and the person added in the chooser are approved
    # with it, not one by one.
    expect(moderator.locator("#awaiting-review-section tbody tr")).to_have_count(1)
    approve_from_dashboard(moderator, site_url, EVENT, "journey-moderator-01-event")

    assert visitor.visit(event_url("en")) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(EVENT)
    screenshot(visitor.page, "journey-visitor-02-event-live")
    for session in SESSIONS:
        assert visitor.visit(event_url("en", session)) == 200, session.title
        expect(visitor.page.get_by_role("heading", level=1)).to_have_text(session.title)
        # Typed in the event's zone, shown in it: 09:30 in Lisbon stays 09:30.
        assert f"{session.start[-5:]} WEST" in visitor.page.locator("main").inner_text()
    screenshot(visitor.page, "journey-visitor-03-session-live")

    # The person made in the chooser was a draft snippet, named by a session of the event:
    # the one approval publishes her with the event and its sessions.
    visitor.visit(event_url("en", WITH_PERSON))
    people = visitor.page.get_by_role("region", name="People")
    expect(people).to_contain_text(PERSON)
    expect(people).to_contain_text(PERSON_ROLE)
    expect(people).to_contain_text(PERSON_ORGANISATION)
    expect(people).to_contain_text("Speaker")
    screenshot(visitor.page, "journey-visitor-03a-session-with-new-person")
    made["event"] = event_id


def test_a_translator_translates_the_event_with_its_sessions_and_one_approval_publishes_them(
    admin, visitor, site_url
):
    needs("event")
    translator = admin("Translators")
    translator.goto(site_url + "/admin/")
    translator.get_by_role("button", name="Reports").click()
    translator.get_by_role("link", name="Translation status").click()
    translator.wait_for_url("**/admin/translation-status/**")
    row = status_row(translator, EVENT)
    expect(row).to_contain_text("Not translated")
    screenshot(translator, "journey-translator-01-status-report")
    row.get_by_role("link", name="Translate").click()
    translator.wait_for_url(f"**/admin/localize/submit/page/{made['event']}/**")
    translator.get_by_label("日本語").check()
    translator.get_by_role("checkbox", name=re.compile(r"^Include subtree")).check()
    screenshot(translator, "journey-translator-02-translate-with-subtree")
    with translator.expect_navigation():
        translator.get_by_role("button", name="Submit").click()
    expect(translator.locator(".messages")).to_contain_text("successfully submitted")

    # Submitting for translation publishes nothing: the Japanese pages are drafts.
    assert visitor.visit(event_url("ja")) == 404
    for session in SESSIONS:
        assert visitor.visit(event_url("ja", session)) == 404, session.title

    # The report leads to each Japanese page's translation editor.
    for session in [None, *SESSIONS]:
        title = session.title if session else EVENT
        status_row(translator, title).get_by_role("link").click()
        translator.wait_for_url("**/admin/pages/*/edit/**")
        expect(translator.locator(".js-translation-editor h3").first).to_be_visible()
        page_id = int(re.search(r"/admin/pages/(\d+)/edit/", translator.url)[1])
        made[f"ja-{session.slug if session else 'event'}"] = page_id
        if session is None:
            with translator.expect_navigation():
                translator.get_by_role("button", name=re.compile("^Translate with ")).click()
            content = translator.get_by_role("tabpanel", name="Content")
            expect(content.get_by_text("2031 Summit Resilience Coastal")).to_be_visible()
            screenshot(translator, "journey-translator-03-machine-draft")
            translate_string(translator, EVENT, EVENT_JA)
            translate_string(translator, SUMMARY, SUMMARY_JA)
        else:
            translate_string(translator, session.title, session.title_ja)
            if session.description:
                translate_string(translator, session.description, session.description_ja)
        translator.goto(site_url + "/admin/translation-status/")

    assert visitor.visit(event_url("ja")) == 404
    for session in SESSIONS:
        assert visitor.visit(event_url("ja", session)) == 404, session.title
        assert session.title_ja not in visitor.page.content()

    open_translation_editor(translator, site_url, made["ja-event"])
    screenshot(translator, "journey-translator-04-event-translated")
    submit_translation_for_approval(translator)
    screenshot(translator, "journey-translator-05-submitted")
    for session in SESSIONS:
        assert visitor.visit(event_url("ja", session)) == 404, session.title
        assert session.title_ja not in visitor.page.content()
    screenshot(visitor.page, "journey-visitor-04-ja-session-before-approval")

    moderator = admin("Moderators")
    approve_from_dashboard(moderator, site_url, EVENT_JA, "journey-moderator-02-ja-event")

    assert visitor.visit(event_url("ja")) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(EVENT_JA)
    expect(visitor.page.locator("main")).to_contain_text(SUMMARY_JA)
    programme = visitor.page.locator(".programme")
    for session in SESSIONS:
        link = programme.get_by_role("link", name=session.title_ja)
        expect(link).to_have_attribute("href", event_url("ja", session))
    screenshot(visitor.page, "journey-visitor-05-ja-event-live")
    for session in SESSIONS:
        assert visitor.visit(event_url("ja", session)) == 200, session.title
        expect(visitor.page.get_by_role("heading", level=1)).to_have_text(session.title_ja)
        assert session.starts_in_japan in visitor.page.locator("main").inner_text()
        if session.description_ja:
            expect(visitor.page.locator("main")).to_contain_text(session.description_ja)
    screenshot(visitor.page, "journey-visitor-06-ja-session-live")
    made["ja-live"] = 1


def test_a_translator_can_neither_publish_nor_replace_a_japanese_page_by_the_english(
    admin, visitor, site_url
):
    needs("ja-live")
    translator = admin("Translators")
    ja_event = made["ja-event"]
    open_translation_editor(translator, site_url, ja_event)
    translate_string(translator, SUMMARY, UNAPPROVED_SUMMARY_JA)
    actions = translator.locator("footer")
    for name in ("Publish", "Convert to alias page"):
        expect(
            actions.get_by_role("button", name=re.compile(name), include_hidden=True)
        ).to_have_count(0)
        expect(
            actions.get_by_role("link", name=re.compile(name), include_hidden=True)
        ).to_have_count(0)
    screenshot(translator, "journey-translator-06-no-publish")

    token = translator.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    edit_url = f"{site_url}/admin/pages/{ja_event}/edit/"
    attempts = {
        "publish": (edit_url, {"action": "publish"}),
        "convert to alias": (f"{site_url}/admin/localize/page/{ja_event}/convert_to_alias/", {}),
    }
    for what, (url, data) in attempts.items():
        # Wagtail's admin answers a refusal with 403 to scripts, and to a browser by going
        # back to the dashboard with "you do not have permission".
        scripted = translator.request.post(
            url,
            form={"csrfmiddlewaretoken": token, **data},
            headers={"Referer": edit_url, "X-Requested-With": "XMLHttpRequest"},
            max_redirects=0,
        )
        assert scripted.status == 403, (what, scripted.status)
        posted = translator.request.post(
            url,
            form={"csrfmiddlewaretoken": token, **data},
            headers={"Referer": edit_url},
            max_redirects=0,
        )
        assert posted.status == 302, (what, posted.status)
        assert posted.headers["location"] == "/admin/", (what, posted.headers["location"])
        translator.goto(site_url + "/admin/")
        expect(translator.locator(".messages")).to_contain_text("Sorry, you do not have permission")
    screenshot(translator, "journey-translator-07-refused")

    assert visitor.visit(event_url("ja")) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(EVENT_JA)
    main = visitor.page.locator("main")
    expect(main).to_contain_text(SUMMARY_JA)
    expect(main).not_to_contain_text(UNAPPROVED_SUMMARY_JA)
    open_translation_editor(translator, site_url, ja_event)  # still a translation, not an alias
    screenshot(visitor.page, "journey-visitor-07-ja-event-unchanged")


def test_a_sync_after_an_english_change_keeps_the_other_strings_and_waits_for_approval(
    admin, visitor, site_url
):
    needs("ja-live", f"session-{CHANGED.slug}", f"ja-{CHANGED.slug}")
    editor = admin("Editors")
    editor.goto(f"{site_url}/admin/pages/{made[f'session-{CHANGED.slug}']}/edit/")
    textbox(editor, "Title").fill(CHANGED_TITLE)
    submit_for_moderation(editor)
    screenshot(editor, "journey-editor-06-session-change-submitted")
    visitor.visit(event_url("en", CHANGED))
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(CHANGED.title)

    moderator = admin("Moderators")
    approve_from_dashboard(moderator, site_url, CHANGED_TITLE, "journey-moderator-03-session")
    visitor.visit(event_url("en", CHANGED))
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(CHANGED_TITLE)

    translator = admin("Translators")
    translator.goto(site_url + "/admin/translation-status/")
    row = status_row(translator, CHANGED_TITLE)
    expect(row).to_contain_text("Behind the English")
    screenshot(translator, "journey-translator-08-behind")
    row.get_by_role("link", name="Sync translated pages").click()
    translator.wait_for_url("**/admin/localize/update/**")
    expect(translator.get_by_label("Publish immediately")).to_have_count(0)
    expect(translator.locator("input[name=publish_translations]")).to_have_count(0)
    screenshot(translator, "journey-translator-09-sync-without-publish")
    with translator.expect_navigation():
        translator.get_by_role("button", name="Submit").click()
    expect(translator.locator(".messages")).to_contain_text("Successfully updated translations")

    # Syncing changed nothing visitors see.
    visitor.visit(event_url("ja", CHANGED))
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(CHANGED.title_ja)

    open_translation_editor(translator, site_url, made[f"ja-{CHANGED.slug}"])
    kept = (
        translator.locator("li")
        .filter(has=translator.get_by_text(CHANGED.description, exact=True))
        .last
    )
    expect(kept).to_contain_text(CHANGED.description_ja)
    translate_string(translator, CHANGED_TITLE, CHANGED_TITLE_JA)
    screenshot(translator, "journey-translator-10-changed-string")
    submit_translation_for_approval(translator)
    visitor.visit(event_url("ja", CHANGED))
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(CHANGED.title_ja)

    approve_from_dashboard(moderator, site_url, CHANGED_TITLE_JA, "journey-moderator-04-ja-session")
    assert visitor.visit(event_url("ja", CHANGED)) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(CHANGED_TITLE_JA)
    expect(visitor.page.locator("main")).to_contain_text(CHANGED.description_ja)
    screenshot(visitor.page, "journey-visitor-08-ja-session-updated")
    visitor.visit(event_url("ja"))
    programme = visitor.page.locator(".programme")
    expect(programme.get_by_role("link", name=CHANGED_TITLE_JA)).to_have_count(1)
    for session in SESSIONS:
        if session is not CHANGED:
            expect(programme.get_by_role("link", name=session.title_ja)).to_have_count(1)


def test_a_late_session_is_approved_then_translated_on_its_own_under_the_japanese_event(
    admin, visitor, site_url, site_manage
):
    needs("event", "ja-live")
    editor = admin("Editors")
    editor.goto(f"{site_url}/admin/pages/{made['event']}/")
    editor.get_by_role("link", name="Add child page").first.click()
    editor.wait_for_url(f"**/admin/pages/add/events/sessionpage/{made['event']}/")
    fill_new_page_title(editor, LATE.title)
    textbox(editor, "Starts").fill(LATE.start)
    textbox(editor, "Ends").fill(LATE.end)
    editor.keyboard.press("Escape")
    save_draft(editor)
    late_id = int(re.search(r"/pages/(\d+)/edit/", editor.url)[1])
    submit_for_moderation(editor)
    screenshot(editor, "journey-editor-07-late-session-submitted")
    assert visitor.visit(event_url("en", LATE)) == 404

    moderator = admin("Moderators")
    approve_from_dashboard(moderator, site_url, LATE.title, "journey-moderator-05-late-session")
    assert visitor.visit(event_url("en", LATE)) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(LATE.title)
    assert f"{LATE.start[-5:]} WEST" in visitor.page.locator("main").inner_text()
    visitor.visit(event_url("en"))
    expect(
        visitor.page.locator(".programme").get_by_role("link", name=LATE.title)
    ).to_have_attribute("href", event_url("en", LATE))
    screenshot(visitor.page, "journey-visitor-09-late-session-in-programme")
    # Not translated yet: the Japanese event's programme goes on without it.
    visitor.visit(event_url("ja"))
    expect(visitor.page.locator(".programme")).not_to_contain_text(LATE.title)

    translator = admin("Translators")
    translator.goto(site_url + "/admin/translation-status/")
    row = status_row(translator, LATE.title)
    expect(row).to_contain_text("Not translated")
    expect(status_row(translator, EVENT)).not_to_contain_text("Not translated")
    screenshot(translator, "journey-translator-11-late-session-not-translated")
    row.get_by_role("link", name="Translate").click()
    translator.wait_for_url(f"**/admin/localize/submit/page/{late_id}/**")
    translator.get_by_label("日本語").check()
    # A session has no pages below it: there is no subtree to include.
    expect(translator.get_by_role("checkbox", name=re.compile("^Include subtree"))).to_have_count(0)
    screenshot(translator, "journey-translator-12-translate-late-session")
    with translator.expect_navigation():
        translator.get_by_role("button", name="Submit").click()
    expect(translator.locator(".messages")).to_contain_text("successfully submitted")
    assert visitor.visit(event_url("ja", LATE)) != 200

    status_row(translator, LATE.title).get_by_role("link").click()
    translator.wait_for_url("**/admin/pages/*/edit/**")
    made[f"ja-{LATE.slug}"] = int(re.search(r"/admin/pages/(\d+)/edit/", translator.url)[1])
    translate_string(translator, LATE.title, LATE.title_ja)
    screenshot(translator, "journey-translator-13-late-session-translated")
    submit_translation_for_approval(translator)
    assert visitor.visit(event_url("ja", LATE)) != 200

    approve_from_dashboard(
        moderator, site_url, LATE.title_ja, "journey-moderator-06-ja-late-session"
    )
    assert visitor.visit(event_url("ja", LATE)) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(LATE.title_ja)
    assert LATE.starts_in_japan in visitor.page.locator("main").inner_text()
    screenshot(visitor.page, "journey-visitor-10-ja-late-session-live")
    visitor.visit(event_url("ja"))
    programme = visitor.page.locator(".programme")
    expect(programme.get_by_role("link", name=LATE.title_ja)).to_have_attribute(
        "href", event_url("ja", LATE)
    )
    for title in (SESSIONS[0].title_ja, CHANGED_TITLE_JA, SESSIONS[2].title_ja):
        expect(programme.get_by_role("link", name=title)).to_have_count(1)
    screenshot(visitor.page, "journey-visitor-11-ja-programme-with-late-session")

    # The Japanese session sits under the Japanese event, and the page tree has no flaws.
    problems = site_manage(
        "shell",
        "-c",
        "import json; from wagtail.models import Page; "
        "print(json.dumps([list(found) for found in Page.find_problems()]))",
    )
    assert json.loads(problems.strip().splitlines()[-1]) == [[], [], [], [], []]


def test_a_translator_uploads_a_po_file_and_a_refused_file_changes_nothing(
    admin, visitor, site_url, tmp_path
):
    needs("ja-live", f"ja-{PO_SESSION.slug}")
    translator = admin("Translators")
    open_translation_editor(translator, site_url, made[f"ja-{PO_SESSION.slug}"])
    with translator.expect_download() as download:
        translator.get_by_role("link", name="Download PO file").click()
    po = polib.pofile(download.value.path().read_text(encoding="utf-8"))
    title = next(entry for entry in po if entry.msgid == PO_SESSION.title)
    assert title.msgstr == PO_SESSION.title_ja

    def upload(msgstr: str, name: str) -> None:
        title.msgstr = msgstr
        po.save(str(tmp_path / name))
        with translator.expect_file_chooser() as chooser:
            translator.get_by_role("button", name="Upload PO file").click()
        with translator.expect_navigation():
            chooser.value.set_files(tmp_path / name)
        expect(translator.locator(".js-translation-editor h3").first).to_be_visible()

    upload(PO_TITLE_JA, "good.po")
    expect(translator.locator(".messages")).to_contain_text("translated string(s) imported")
    title_segment = translator.locator("li").filter(
        has=translator.get_by_text(PO_SESSION.title, exact=True)
    )
    expect(title_segment.last).to_contain_text(PO_TITLE_JA)
    screenshot(translator, "journey-translator-14-po-imported")

    upload(REFUSED_TITLE_JA, "refused.po")
    refusal = translator.locator(".messages .error")
    expect(refusal).to_contain_text("cannot be used on the page, so nothing was imported")
    expect(refusal).to_contain_text("HTML tag <script>, but this field is plain text")
    expect(title_segment.last).to_contain_text(PO_TITLE_JA)
    expect(translator.get_by_text(REFUSED_TITLE_JA)).to_have_count(0)
    screenshot(translator, "journey-translator-15-po-refused")

    # Imported strings are in the translation editor, not on the site.
    visitor.visit(event_url("ja", PO_SESSION))
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(PO_SESSION.title_ja)
    submit_translation_for_approval(translator)
    moderator = admin("Moderators")
    approve_from_dashboard(moderator, site_url, PO_TITLE_JA, "journey-moderator-07-po-session")
    assert visitor.visit(event_url("ja", PO_SESSION)) == 200
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(PO_TITLE_JA)
    assert "<script>" not in visitor.page.locator("main").inner_html()
    screenshot(visitor.page, "journey-visitor-12-ja-session-from-po-file")
