"""The message catalogue's entries, one module per area (netaudit/messages.py loads them)."""
