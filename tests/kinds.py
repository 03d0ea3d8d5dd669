"""Counties of every kind that the tests of one module single out in the committed data, by FIPS code."""

EVERY_KIND = {
    "06085": "sheriff-run (Santa Clara)",
    "48201": "sheriff-run under a state mandate (Harris)",
    "09003": "state-run jails (Connecticut)",
    "02016": "state-run jails (Alaska, Aleutians West)",
    "36047": "a New York City borough (Kings)",
    "08031": "a consolidated city-county (Denver)",
    "21111": "a consolidated metro government (Louisville)",
    "51610": "no map shape (Falls Church)",
    "72127": "Puerto Rico (San Juan)",
}
