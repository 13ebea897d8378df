"""The HTTP layer: a thin FastAPI app over the pure core in ``api.site``."""
