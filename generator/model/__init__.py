"""Values every stage shares: vocabulary, problems, schema dataclasses, ids, wording, datatypes, value kinds
and site paths. Nothing here reads or writes a file."""
