"""``asas interview``: the questions a supervisor would ask, one at a time, and a valid
case file at the end.  Three rooms (code review §2.4):

- ``questions`` — the data: a question for every field of the format, in both languages,
  and when each is asked (``CONDITIONS``, ``SAME_AS``, ``DEFERRED``);
- ``answers`` — what people type: yes/no, "don't know", "none" (one list with the case
  file's words, engine/i18n/labels.py);
- ``session`` — the walk over the format (``Interview``), going back and the draft
  (``_Replay``), and ``run``, the whole command.
"""

from asas.engine.authoring.interview.answers import MISSING, Invalid, message
from asas.engine.authoring.interview.questions import QUESTIONS, Auto, Q
from asas.engine.authoring.interview.session import Interview, draft_path, run, suggested_name

__all__ = ["MISSING", "QUESTIONS", "Auto", "Interview", "Invalid", "Q", "draft_path",
           "message", "run", "suggested_name"]
