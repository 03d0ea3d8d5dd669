"""The data build: reads the raw public files, writes the compiled, normalized data into data/."""
