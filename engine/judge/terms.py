"""The closed vocabularies every stage shares, written once: severities and their rank,
the statuses of a principle and the mark each is shown with."""

from __future__ import annotations

SEVERITIES = ("violation", "risk", "advice")
# most serious first: the order of reports and the threshold of --fail-on
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}

STATUSES = ("upheld", "at_risk", "violated", "not_assessed")
# a mark beside the colour, so a status reads in black and white and without colour vision
STATUS_MARK = {"upheld": "✓", "at_risk": "!", "violated": "✗", "not_assessed": "?"}
