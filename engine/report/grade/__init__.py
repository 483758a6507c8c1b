"""Grading practicum write-ups with a rubric a lecturer can edit (``asas grade``).

rubric.py (the rubric: reading, checking), grading.py (one case: points, caps,
"incomplete", waivers), waivers.py (reasoned overrides, general), roster.py (trainee
code → name), render.py (markdown, csv, html gradebooks), xlsx.py (Excel), sheets.py
(a printable feedback sheet per student), sidefile.py (the bounded reader of these
files).  rubric.yaml is the default rubric.
"""

from asas.engine.report.grade.grading import (
                                              CaseGrade,
                                              PrincipleGrade,
                                              by_trainee,
                                              grade_case,
                                              grade_results,
                                              unused_waivers,
)
from asas.engine.report.grade.render import render
from asas.engine.report.grade.rubric import (
                                              Band,
                                              Cap,
                                              Rubric,
                                              RubricError,
                                              default_rubric_text,
                                              load_rubric,
                                              parse_rubric,
                                              rubric_text,
)
from asas.engine.report.grade.sidefile import SideFileError

__all__ = ["Band", "Cap", "CaseGrade", "PrincipleGrade", "Rubric", "RubricError",
           "SideFileError", "by_trainee", "default_rubric_text", "grade_case", "grade_results",
           "load_rubric", "parse_rubric", "render", "rubric_text", "unused_waivers"]
