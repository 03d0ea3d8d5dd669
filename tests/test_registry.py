"""The registry of indicators and layers (lib/registry.py): each entry is complete, and adding an indicator takes
one registry entry, its curation rows and its translations — no other code change.

The second claim is tested as a maintainer would make the change: a copy of the project gets a fake indicator in
its registry, one curated local-policy row and its Spanish texts in the catalog; the copy's own build compiles
the row, and the copy's own code must then show the indicator on the county page's evidence table, in the map's
layer menu and legend, in Compare, in the CSV and GeoJSON downloads and in the brief, in both languages.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lib import registry
from lib.asks import ASK_RULES
from lib.paths import PROJECT_ROOT


def test_every_classified_indicator_has_every_title_and_a_legend_class_per_value():
    for indicator in registry.CLASSIFIED:
        assert indicator.title and indicator.compare_label and indicator.practice, indicator.id
        assert [c.id for c in indicator.legend] == list(registry.VALUES), indicator.id
        assert set(indicator.local_policy_effects.values()) <= set(registry.VALUES), indicator.id


def test_ids_are_unique_and_every_ask_rule_exists():
    assert len(registry.INDICATORS_BY_ID) == len(registry.INDICATORS)
    assert len(set(registry.LAYER_IDS)) == len(registry.LAYER_IDS)
    assert {rule for i in registry.INDICATORS for rule in i.ask_rules} == set(ASK_RULES)


def test_every_level_indicator_is_classified_and_the_levels_end_with_unknown():
    assert set(registry.LEVEL_INDICATORS) <= set(registry.CLASSIFIED_IDS)
    assert registry.LEVELS[-1] == registry.UNKNOWN
    assert set(registry.REFUSAL_LEVELS) < set(registry.LEVELS)


FAKE_ID = "courthouse_arrests"
FAKE_ENTRY = f'''
    Indicator(
        "{FAKE_ID}", N_("ICE arrests at the courthouse"), classified=True, title=N_("Courthouse arrests by ICE"),
        compare_label=N_("Courthouse arrests"), practice=N_("courthouse arrests"),
        legend=_yes_limited_refuses(
            N_("Yes: lets ICE arrest people at the courthouse"), N_("Evidence says ICE may arrest there."),
            N_("Limited courthouse arrests"), N_("ICE may arrest there only in some cases."),
            N_("Refuses courthouse arrests"), N_("Evidence says ICE may not arrest there.")),
        local_policy_effects={{"allows": HONORS, "limits": LIMITED, "refuses": REFUSES}}, ask_rules=("find_out",)),
'''
FAKE_POLICY_ROW = (
    "06085,Santa Clara County,Test courthouse rule,courthouse_arrests,refuses,2020-01-01,,Test source,"
    "2020-01,as of 2020,local policy,draft,A row made up for this test.\n"
)
FAKE_SPANISH = {
    "ICE arrests at the courthouse": "Arrestos de ICE en el tribunal",
    "Courthouse arrests by ICE": "Arrestos de ICE en los tribunales",
    "Courthouse arrests": "Arrestos en el tribunal",
    "courthouse arrests": "arrestos en el tribunal",
    "Refuses courthouse arrests": "Rechaza arrestos en el tribunal",
}
COUNTY = "06085"

# Run inside the copy: everything a reader or a download would see of the fake indicator, as JSON.
PROBE = textwrap.dedent(f'''
    import json
    from streamlit.testing.v1 import AppTest
    from lib import exports
    from lib.brief import DETAIL_LEVELS, brief_content, data_version
    from lib.compare import comparison_table
    from lib.data import load
    from lib.evidence import CountyEvidence
    from lib.i18n import use_language
    from lib.layers import build_layers
    from lib.mapview import legend_html
    from lib.profile import county_profile

    data = load()
    report = {{}}
    for lang in ("en", "es"):
        with use_language(lang):
            evidence = CountyEvidence.assemble(data)
            layers = build_layers(evidence)
            profile = county_profile(data, "{COUNTY}", evidence)
            brief = brief_content(profile, data_version(data), DETAIL_LEVELS[0])
            report[lang] = {{
                "value": profile["indicators"]["{FAKE_ID}"]["value"],
                "legend": legend_html(layers["{FAKE_ID}"]),
                "compare_rows": list(comparison_table([profile]).index),
                "brief_indicators": [headline for headline, unused in brief.indicators],
            }}
    english = CountyEvidence.assemble(data)
    layers = build_layers(english)
    report["csv_header"] = exports.county_table_csv(english, layers).decode("utf-8-sig").splitlines()[0]
    geojson = json.loads(exports.layer_geojson(data, layers["{FAKE_ID}"]))
    report["geojson"] = {{feature["id"]: feature["properties"]["class"] for feature in geojson["features"]}}
    page = AppTest.from_file("app.py", default_timeout=60)
    page.switch_page("app_pages/county.py")
    page.query_params["fips"] = "{COUNTY}"
    page.run()
    report["page_errors"] = [str(error) for error in page.exception]
    report["evidence_table"] = " ".join(element.value for element in page.get("html")
                                        if "record-table evidence" in element.value)
    menu = AppTest.from_file("app.py", default_timeout=60).run()
    report["layer_menu"] = [option for box in menu.selectbox for option in box.options]
    print(json.dumps(report))
''')


def _copy_project(target: Path) -> None:
    for name in ("lib", "app_pages", "data", "curation", "locale", ".streamlit"):
        shutil.copytree(PROJECT_ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("app.py", "sources.yaml"):
        shutil.copy2(PROJECT_ROOT / name, target / name)


def _add_fake_indicator(project: Path) -> None:
    """The three changes CONTRIBUTING.md names: a registry entry, a curation row, the translations."""
    registry_file = project / "lib" / "registry.py"
    source = registry_file.read_text(encoding="utf-8")
    end_of_indicators = "\n)\nINDICATORS_BY_ID"
    assert source.count(end_of_indicators) == 1, "the registry's INDICATORS tuple has changed shape"
    registry_file.write_text(
        source.replace(end_of_indicators, FAKE_ENTRY.rstrip() + end_of_indicators), encoding="utf-8"
    )
    with (project / "curation" / "local_policies.csv").open("a", encoding="utf-8") as policies:
        policies.write(FAKE_POLICY_ROW)
    with (project / "locale" / "es" / "LC_MESSAGES" / "messages.po").open("a", encoding="utf-8") as catalog:
        for english, spanish in FAKE_SPANISH.items():
            catalog.write(f'\nmsgid "{english}"\nmsgstr "{spanish}"\n')


@pytest.fixture(scope="module")
def fake_indicator_report(tmp_path_factory, raw_dir) -> dict:
    project = tmp_path_factory.mktemp("project")
    _copy_project(project)
    _add_fake_indicator(project)
    environment = {**os.environ, "PYTHONPATH": str(project), "ICE_MAP_RAW_DIR": str(raw_dir)}
    environment.pop("ICE_MAP_DATA_DIR", None)
    subprocess.run(
        [sys.executable, "-m", "lib.build"], cwd=project, env=environment, check=True, capture_output=True, timeout=300
    )
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=project, env=environment, capture_output=True, text=True, timeout=300
    )
    assert probe.returncode == 0, probe.stderr[-3000:]
    return json.loads(probe.stdout.strip().splitlines()[-1])


def test_a_new_indicator_reaches_every_view_and_download(fake_indicator_report):
    report = fake_indicator_report
    assert report["page_errors"] == []
    assert "ICE arrests at the courthouse" in report["evidence_table"]
    assert "Courthouse arrests by ICE" in report["layer_menu"]
    assert "Refuses courthouse arrests" in report["en"]["legend"]
    assert report["en"]["value"] == registry.REFUSES
    assert "Courthouse arrests" in report["en"]["compare_rows"]
    assert any(line.startswith("Courthouse arrests by ICE:") for line in report["en"]["brief_indicators"])
    header = report["csv_header"].split(",")
    assert {FAKE_ID, f"{FAKE_ID}_label", f"{FAKE_ID}_draft", f"{FAKE_ID}_basis", f"{FAKE_ID}_source"} <= set(header)
    assert report["geojson"][COUNTY] == registry.REFUSES
    assert set(report["geojson"].values()) == {registry.REFUSES, registry.UNKNOWN}


def test_a_new_indicator_is_shown_in_spanish_from_its_catalog_entries(fake_indicator_report):
    spanish = fake_indicator_report["es"]
    assert "Rechaza arrestos en el tribunal" in spanish["legend"]
    assert "Arrestos en el tribunal" in spanish["compare_rows"]
    assert any(line.startswith("Arrestos de ICE en los tribunales:") for line in spanish["brief_indicators"])
