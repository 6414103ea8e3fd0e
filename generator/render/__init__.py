"""Pure page rendering: values in, {doc path: Markdown} out, in every site language."""
