"""The county page (page.py) and its tabs, one module each: why this color, who decides, money, history, and what
to ask for."""
