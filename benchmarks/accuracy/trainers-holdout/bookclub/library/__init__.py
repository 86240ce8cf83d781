"""Members, books, loans and the club newsletter."""

