"""The source registry: a series' newest sheet is the one with the latest `as_of`, wherever it stands in the file; it
is published under the series' id and the older sheets under their dates (a closed set as one source); a new sheet's
entry is added to the text with every other line kept."""

from pathlib import Path

import pytest
import yaml

from lib.sources import Registry, RegistryError, load_registry, with_sheet

REGISTRY = """\
# The registry's own comment.
update:
  max_megabytes: 20
series:
  weekly_list:
    title: A weekly list
    publisher: A publisher
    cadence_days: 7
    update:
      page: https://www.ice.gov/287g
      link: 'list\\.xlsx$'
sources:
  - series: weekly_list
    as_of: "2026-05-18"
    files: [lists/list_2026-05-18.xlsx]
    retrieved_via: a mirror
  # A comment before the next entry stays with it.
  - id: plain_source
    title: A source that is no series
    publisher: Someone
    as_of: "2017"
    files: []
  - series: weekly_list
    as_of: "2025-07-30"
    files: [lists/list_2025-07-30.xlsx]
"""


def registry(text: str = REGISTRY) -> Registry:
    return Registry(yaml.safe_load(text), Path("sources.yaml"))


def test_the_newest_sheet_is_the_latest_as_of_wherever_it_stands():
    sheets = registry().sheets("weekly_list")
    assert [sheet.as_of for sheet in sheets] == ["2025-07-30", "2026-05-18"]
    assert registry().newest("weekly_list").path == Path("lists/list_2026-05-18.xlsx")


def test_the_newest_sheet_is_published_under_the_series_id_and_each_older_one_under_its_date():
    published = {source["id"]: source for source in registry().published}
    assert list(published) == ["weekly_list", "plain_source", "weekly_list_2025_07_30"]  # the file's order
    newest, older = published["weekly_list"], published["weekly_list_2025_07_30"]
    assert newest == {"id": "weekly_list", "title": "A weekly list", "publisher": "A publisher", "cadence_days": 7,
                      "update": {"page": "https://www.ice.gov/287g", "link": "list\\.xlsx$"}, "as_of": "2026-05-18",
                      "files": ["lists/list_2026-05-18.xlsx"], "retrieved_via": "a mirror"}
    # The next sheet is due after the newest one only, and only the newest is looked for on the publisher's page.
    assert older == {"id": "weekly_list_2025_07_30", "title": "A weekly list, sheet of 2025-07-30",
                     "publisher": "A publisher", "as_of": "2025-07-30", "files": ["lists/list_2025-07-30.xlsx"]}
    assert published["plain_source"]["title"] == "A source that is no series"


CAPTURES = """\
  archive:
    title: Two captures of a page
    publisher: An archive
    as_of: "2021 and 2022"
    one_source: true
"""


def test_a_closed_set_is_published_as_one_source_with_every_sheets_file():
    text = REGISTRY.replace("sources:\n", CAPTURES + "sources:\n").replace(
        "  - id: plain_source", '  - series: archive\n    as_of: "2022-01-04"\n    files: [c/2022.xlsx]\n'
                                '  - series: archive\n    as_of: "2021-01-13"\n    files: [c/2021.xlsx]\n'
                                "  - id: plain_source")
    published = registry(text).published
    assert [source["id"] for source in published] == ["weekly_list", "archive", "plain_source",
                                                       "weekly_list_2025_07_30"]
    assert published[1] == {"id": "archive", "title": "Two captures of a page", "publisher": "An archive",
                            "as_of": "2021 and 2022", "files": ["c/2021.xlsx", "c/2022.xlsx"]}
    captures = registry(text).sheets("archive")
    assert [(sheet.as_of, sheet.source_id) for sheet in captures] == [("2021-01-13", "archive"),
                                                                       ("2022-01-04", "archive")]


@pytest.mark.parametrize("old, new, message", [
    ('as_of: "2025-07-30"', 'as_of: "2026-05-18"', "two sheets of weekly_list have the same `as_of`"),
    ("files: [lists/list_2025-07-30.xlsx]", "files: [a.xlsx, b.xlsx]", "exactly one file"),
    ('as_of: "2025-07-30"', 'as_of: "July 2025"', "YYYY-MM-DD"),
    ('series: weekly_list\n    as_of: "2025', 'series: monthly_list\n    as_of: "2025', "'monthly_list', which"),
    ('series: weekly_list\n    as_of: "2025', 'series: weekly_list\n    id: x\n    as_of: "2025', "has an id"),
], ids=["two_sheets_of_one_date", "two_files", "no_date", "unknown_series", "own_id"])
def test_a_sheet_entry_the_build_cannot_place_is_refused(old, new, message):
    assert REGISTRY.count(old) == 1
    with pytest.raises(RegistryError, match=message):
        registry(REGISTRY.replace(old, new))


def test_a_new_sheet_is_added_after_the_newest_of_its_series_and_nothing_else_changes():
    text = with_sheet(REGISTRY, "weekly_list", "2026-06-01", Path("lists/list_2026-06-01.xlsx"), "make update")
    entry = ('  - series: weekly_list\n    as_of: "2026-06-01"\n    files: ["lists/list_2026-06-01.xlsx"]\n'
             '    retrieved_via: "make update"\n')
    assert text == REGISTRY.replace("    retrieved_via: a mirror\n", "    retrieved_via: a mirror\n" + entry)
    assert registry(text).newest("weekly_list").path == Path("lists/list_2026-06-01.xlsx")
    assert registry(text).newest("weekly_list").source_id == "weekly_list"


def test_text_from_a_publishers_page_stays_one_value():
    hostile = 'https://www.ice.gov/a"b: c # d\nsources: []\n  - id: injected'
    text = with_sheet(REGISTRY, "weekly_list", "2026-06-01", Path("lists/list_2026-06-01.xlsx"), hostile)
    assert registry(text).published[1]["retrieved_via"] == hostile
    assert len(registry(text).published) == 4


def test_a_sheet_of_a_series_the_file_has_no_sheet_of_is_not_guessed():
    with pytest.raises(RegistryError, match="no sheet of the series other_list"):
        with_sheet(REGISTRY, "other_list", "2026-06-01", Path("x.xlsx"), "make update")


def test_the_projects_registry_reads():
    project = load_registry()
    assert project.newest("ice_287g_participating").source_id == "ice_287g_participating"
    assert {source["id"] for source in project.published} >= {"ice_287g_participating", "ice_287g_pending"}
