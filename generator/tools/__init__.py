"""Contributor and benchmark tools: `kg new` (scaffold) and `kg synth`."""
