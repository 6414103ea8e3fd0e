"""The sections of an entity page, one small module each (listed once in render/entity_page.py)."""
