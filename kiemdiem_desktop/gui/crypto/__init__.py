"""Keys, signed minutes, the package for the higher committee and the committee's own mode (issue 6)."""
