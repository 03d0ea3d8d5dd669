"""`make bench`: the app's speed against a naive folium baseline and an empty Streamlit app, in one run.

bench.run drives everything and writes bench/results.json; bench.browser measures pages in headless Chromium,
bench.load speaks Streamlit's websocket protocol without rendering, bench.rerun times reruns with AppTest."""
