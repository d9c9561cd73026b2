"""The one service: the day log as a person uses it (the Journal), and what joins it with the programme's rules (the Coach), the routine editor and the self-assessments. Imports no UI."""
