"""Built-in pipeline stages, one module or package per stage."""
