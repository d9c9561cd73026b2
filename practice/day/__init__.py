"""The day: its plan, the person's routine choices and settings, and the numbers worked out over days. Imports no UI and no store."""
