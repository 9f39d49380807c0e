"""What a visitor or editor sees on a rendered page, read from its HTML (not from template context)."""

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def search_result_links(response) -> list[str]:
    """The addresses of the results listed, in order (each result's heading links to it)."""
    results = soup(response).find("main").find("ol")
    return [heading.a["href"] for heading in results.find_all("h2")] if results else []


def programme_slots(response, *, day: int = 1) -> list[tuple[str, list[str]]]:
    """One day's programme as read: each slot's label (if any) and the titles of its sessions."""
    section = soup(response).find(id=f"day-{day}-heading").find_parent("section")
    slots = section.find("ol").find_all("li", recursive=False)
    return [
        (
            " ".join(label.get_text(strip=True) for label in slot.find_all("p", recursive=False)),
            [heading.get_text(strip=True) for heading in slot.find_all("h4")],
        )
        for slot in slots
    ]


def form_field_names(response) -> list[str]:
    """The names of the questions a form asks, in order (hidden fields and buttons left out)."""
    form = soup(response).find("main").find("form")
    controls = form.find_all(["input", "select", "textarea"])
    names = [c["name"] for c in controls if c.get("type") not in ("hidden", "submit")]
    return list(dict.fromkeys(names))


def has_site_frame(response) -> bool:
    """Whether the page is shown inside the site's header (its banner) and footer, as visitors see it."""
    body = soup(response).body
    return body is not None and body.find("header") is not None and body.find("footer") is not None


def hidden_value(response, name: str) -> str:
    """The value a browser sends back for a hidden field of the page's form."""
    return soup(response).find("input", attrs={"type": "hidden", "name": name})["value"]


def unseen(response, *texts: str) -> list[str]:
    """Those of `texts` a reader does not find in the page's text (markup and scripts aside)."""
    page = soup(response)
    for hidden in page(["script", "style", "template"]):
        hidden.decompose()
    text = " ".join(page.get_text(" ").split())
    return [wanted for wanted in texts if " ".join(wanted.split()) not in text]


def times_shown(response) -> dict[str, str]:
    """Each date or time on the page: its machine-readable value, and the text visitors read."""
    return {time["datetime"]: time.get_text(strip=True) for time in soup(response)("time")}
