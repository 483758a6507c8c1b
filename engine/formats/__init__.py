"""Report formatters: one module per --format."""
