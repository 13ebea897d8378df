from enum import StrEnum


class TimelineOptionsTimenavPosition(StrEnum):
    BOTTOM = "bottom"
    TOP = "top"

    def __str__(self) -> str:
        return str(self.value)
