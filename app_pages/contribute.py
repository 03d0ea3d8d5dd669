"""Contribute evidence on a county (prefilled from ?fips=) and look up a contribution by its receipt code."""

from lib.ui.cache import data_or_stop
from lib.ui.contribute import contribute_page
from lib.ui.state import current_view

data = data_or_stop()
contribute_page(data, current_view(data).fips)
