from enum import StrEnum


class WarningCode(StrEnum):
    DATA_URL_INVALID = "data-url-invalid"
    FONT_CORRECTED = "font-corrected"
    FONT_UNKNOWN = "font-unknown"
    INSECURE_SCHEME = "insecure-scheme"
    LANG_CORRECTED = "lang-corrected"
    LANG_UNKNOWN = "lang-unknown"
    LEGACY_EMBED = "legacy-embed"
    OLD_SHEET_KEY = "old-sheet-key"
    OPTION_CORRECTED = "option-corrected"
    OPTION_IGNORED = "option-ignored"
    OPTION_INVALID = "option-invalid"
    PUBLIC_URL_MISSING = "public-url-missing"
    SCHEME_MISSING = "scheme-missing"
    SOURCE_MISREAD = "source-misread"
    SOURCE_REPLACED = "source-replaced"

    def __str__(self) -> str:
        return str(self.value)
