"""The self-assessment screens: one per test in a run (a hold timer, a typed
number, the Thomas test's marks, the 24-hour pain), the run that strings
them together, and the results with their suggestions."""
