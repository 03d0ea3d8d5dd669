"""The only part of lib/ that talks to Streamlit: what the pages in app_pages/ share.

cache          the compiled data and what is built from it, cached across sessions (the only st.cache_* here)
state          the view in the URL, the language and presenter mode
sidebar        the sidebar of every page; search: the county search box
mapwidgets     the map page's controls, the map and its text alternative
tables         tables more than one page shows
county/        the county page and its tabs
comparewidgets the compare page's county picker and suggestions
share          link and citation, downloads, corrections

Everything else in lib/ is plain Python (tests/test_layering.py keeps it so).
"""
