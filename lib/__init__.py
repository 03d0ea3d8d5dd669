"""County explorer of local collaboration with ICE: data, rules and map logic (no Streamlit here)."""
