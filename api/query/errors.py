"""The one error the query core raises for a request it cannot answer."""

from __future__ import annotations


class QueryError(ValueError):
    """A query parameter that cannot be honoured; the HTTP layer turns it into a 422 problem.

    ``param`` names the parameter as the client wrote it (``filter[date][gt]``, ``limit``, ``q``)
    and ``message`` says what is wrong in words a person can act on.
    """

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message
