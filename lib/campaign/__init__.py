"""The campaign kit of a county: recommendations and preparation material built from its evidence (asks, meeting
preparation, talking points, a model policy, a public-records request, a monitoring tracker), as plain documents
(lib.campaign.document) that the county page shows and the DOCX and PDF writers draw. Recommendations, not data
and not legal advice."""
