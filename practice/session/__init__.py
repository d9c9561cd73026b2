"""The session on the mat: the guided flow, hold and rep timers on a monotonic clock, sound cues, and the day's review. Imports no UI."""
