"""Talking points for five audiences, each with the county's own facts that carry their source and date; unknown is
said to be unknown; no count of fewer than 10 people; the tracker asks for no record about a person."""

from lib.campaign.document import Heading, Items
from lib.campaign.facts import county_facts
from lib.campaign.monitoring import QUARTERS, RECORDS_EACH_QUARTER, monitoring_tracker
from lib.campaign.talking_points import AUDIENCES, talking_points
from lib.campaign.text import part_text
from lib.profile import county_profile


def test_every_audience_has_points_and_the_counties_facts_with_their_dates(data, evidence):
    profile = county_profile(data, "48201", evidence)
    part = talking_points(profile)
    headings = [block.text for block in part.blocks if isinstance(block, Heading)]
    assert headings == [str(audience.name) for audience in AUDIENCES]
    text = part_text(part)
    assert "Houston Contract Detention Facility" in text and "as of" in text
    assert "Southside Place" in text  # a city police department's 287(g) agreement, from ICE's list
    assert "unknown does not mean no collaboration" in text


def test_a_small_detention_count_is_not_given_as_a_number(data, evidence):
    profile = county_profile(data, "48201", evidence)
    facility = {**profile["money"]["detention"][0], "FY25": 846.6, "FY26": 3.4}
    profile = {**profile, "money": {**profile["money"], "detention": [facility]}}
    (fact,) = [fact.text for fact in county_facts(profile) if "Houston Contract" in fact.text]
    assert "fewer than 10 people a day" in fact and "3" not in fact.split("FY26")[0]
    facility["FY26"] = 845.9
    assert any("held 846 people a day" in fact.text for fact in county_facts(profile))


def test_the_tracker_has_every_quarter_and_asks_for_counts_not_people(data, evidence):
    part = monitoring_tracker(county_profile(data, "06085", evidence))
    quarters = [block for block in part.blocks if isinstance(block, Heading) and block.text.startswith("Quarter")]
    assert len(quarters) == QUARTERS
    records = [block for block in part.blocks if isinstance(block, Items) and block.checkboxes]
    assert sum(block.texts == RECORDS_EACH_QUARTER for block in records) == QUARTERS
    assert "never the name of a person" in part_text(part)
