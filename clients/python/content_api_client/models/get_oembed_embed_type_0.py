from enum import StrEnum


class GetOembedEmbedType0(StrEnum):
    HOSTED = "hosted"
    KNIGHTLAB = "knightlab"

    def __str__(self) -> str:
        return str(self.value)
