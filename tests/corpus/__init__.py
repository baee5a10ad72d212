"""A corpus of chronology layouts, written on demand into a temporary folder."""
