"""The engine: loading, validation, facts, the rule runner, statuses and reports."""
