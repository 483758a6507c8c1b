"""--format json: the contract of shared/spec/report-format.md."""

import json

from ..report import report_dict


def render(results, lang: str, **_) -> str:
    return json.dumps(report_dict(results, lang), ensure_ascii=False, indent=2) + "\n"
