"""Counties the campaign tests share: a stratified sample with every state and every level in it."""

from lib.registry import LEVELS


def stratified_sample(data, evidence) -> list[str]:
    """The most populous county of every state, then the most populous county of every level not yet in the
    sample: every state and every level, in about 60 counties."""
    counties = data.counties.sort_values("population", ascending=False)
    sample = list(counties.drop_duplicates("state_abbr")["fips"])
    levels = {evidence.classify(fips).level for fips in sample}
    for fips in counties["fips"]:
        if len(levels) == len(LEVELS):
            break
        level = evidence.classify(fips).level
        if level not in levels:
            sample.append(fips)
            levels.add(level)
    return sample
