"""The live preview: an incremental rebuild after each content edit, served on 127.0.0.1."""
