"""The project at other versions: checked at a git revision, compared with `kg diff`, released with `kg release`,
and each release's dumps rebuilt from its tag."""
