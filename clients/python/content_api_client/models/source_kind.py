from enum import StrEnum


class SourceKind(StrEnum):
    CSV_URL = "csv-url"
    GOOGLE_SHEET = "google-sheet"
    GOOGLE_SHEET_PUBLISHED = "google-sheet-published"
    JSON_URL = "json-url"
    LOCAL = "local"

    def __str__(self) -> str:
        return str(self.value)
