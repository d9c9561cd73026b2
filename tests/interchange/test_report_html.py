"""``backtui report --format html``: one page, everything in it, that
prints on A4; any name, note or reason in it reads as its characters and
is never markup; and ``--format`` refuses what it does not know."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from practice.daylog import DayRecord
from practice.interchange.report import build_report
from practice.session.today import Session

HOSTILE_NAME = "</td></tr><script>alert(1)</script> & \"q\" | *x* [a](b)"
HOSTILE_NOTE = "<img src=x onerror=alert(1)><style>body{display:none}</style> &amp; ok"
HOSTILE_REASON = "<b>no</b> time & <a href=\"https://e.vil\">more</a>"
TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "ul", "li", "strong", "table", "thead",
        "tbody", "tr", "th", "td"}
ATTRIBUTES = {("html", "lang"), ("meta", "charset"), ("meta", "name"), ("meta", "content"), ("p", "class"),
              ("th", "class"), ("td", "class")}


class Page(HTMLParser):
    """The page's tags with their attributes, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def hostile_day(cli, journal) -> str:
    code, _, err = cli("routine", "add", HOSTILE_NAME, "--phase", "back", "--hold", "20", "--days", "daily",
                       "--cue", "Back to the wall.", "--caution", "Stop <i>now</i> if it hurts.")
    assert code == 0, err
    [own] = [e["id"] for e in json.loads(cli("routine", "--all", "--json")[1]) if e["id"].startswith("own-")]
    session = Session(journal)
    session.skip(own, HOSTILE_REASON)
    journal.set_note(HOSTILE_NOTE)
    return own


def test_data_in_the_page_is_text_never_markup(cli, journal):
    hostile_day(cli, journal)
    page = parsed(build_report(journal, form="html"))
    assert {tag for tag, _ in page.tags} <= TAGS
    assert {(tag, name) for tag, attrs in page.tags for name, _ in attrs} <= ATTRIBUTES
    text = "".join(page.text)
    assert f"{HOSTILE_NAME} (their own): skipped: {HOSTILE_REASON}" in text  # the skip, as the person typed it
    assert HOSTILE_NOTE in text and "Stop <i>now</i> if it hurts." in text


def test_a_control_character_a_stored_file_holds_is_shown_as_its_escape(journal):
    # An older backtui may have kept a bidi override in a note; it is shown, never obeyed.
    with journal.db.transaction():
        journal.db.put(DayRecord(journal.today(), note="slept \u202ebadly"), at=None)
    html = build_report(journal, form="html")
    assert "\u202e" not in html and "slept \\u202ebadly" in html


def test_the_page_is_self_contained_and_set_for_a4(cli, journal):
    hostile_day(cli, journal)
    html = build_report(journal, form="html")
    assert html.startswith("<!DOCTYPE html>\n") and html.endswith("</html>\n")
    assert "@page { size: A4;" in html and "@media print" in html
    assert "://" not in html.replace("https://e.vil", "")  # no font, image, script or sheet to fetch
    tags = {tag for tag, _ in parsed(html).tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "a"}


def test_the_page_says_what_the_markdown_says(journal):
    Session(journal).skip("glute-bridge", "no time")
    markdown, html = build_report(journal), build_report(journal, form="html")
    text = "".join(parsed(html).text)
    for words in ("Glute bridge: skipped: no time", "Days counted", "Day by day", "Safety questions",
                  "Self-assessments"):
        assert words in markdown and words in text


@pytest.mark.parametrize("form", ["pdf", "HTML", "md", ""])
def test_an_unknown_format_is_refused_in_one_line(cli, data_dir, form):
    code, out, err = cli("report", "--format", form)
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert f"invalid choice: '{form}'" in err and "'markdown', 'html'" in err
    assert not (data_dir / "backtui.json").exists()  # nothing was made


def test_report_format_writes_each_to_a_file(cli, journal, tmp_path):
    Session(journal).skip("glute-bridge", "no time")
    for form in ("markdown", "html"):
        target = tmp_path / f"report.{form}"
        code, out, _ = cli("report", "--format", form, "-o", str(target))
        assert code == 0 and "Wrote a 4-week report" in out
        text = target.read_text("utf-8")
        assert text == build_report(journal, form=form)
        assert text.startswith("<!DOCTYPE html>" if form == "html" else "# backtui report: ")
    assert cli("report")[1] == build_report(journal)  # markdown is the default
