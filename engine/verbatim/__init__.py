"""The verbatim of a session (spec/verbatim.md): read it (parse), tag each counselor turn
with the techniques its words show (tag), measure the session (measure), and bring a
verbatim in from a text, CSV or .docx file (importer).  Plain Python: the rule engine
only ever sees the session measures and the flagged turns (engine/reason/facts.py)."""
