"""The routine screen and its dialogs: every exercise on or off, its level,
dose and days, the order within phases, the kit, and exercises of one's own."""
