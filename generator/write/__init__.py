"""The only code that writes outputs: docs tree, dumps, entity files, editor schemas, vendored assets, caches."""
